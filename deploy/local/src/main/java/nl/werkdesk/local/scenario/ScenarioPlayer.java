package nl.werkdesk.local.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plays a {@link Plan} through the services' REST APIs, each call with the role it needs. Steps of one participant
 * or employer run in order; different participants run in parallel. Where a step needs another service to have
 * consumed an earlier event from Kafka, the player waits for it: it polls the read API that shows it (a permit
 * leaving pending-information, a placement flagged at risk, reporting-service's counts), and a command whose
 * facts have no read API (a placement start, a job-fair meeting) is sent again while the service refuses it for
 * want of those facts. A refused command writes nothing, and every command carries an Idempotency-Key.
 */
public final class ScenarioPlayer {

    private static final String CASEWORKER = "caseworker";
    private static final String LIAISON = "employer-liaison";
    private static final String PERMIT_OFFICER = "permit-officer";
    private static final String FINANCE = "finance";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final Api api;
    private final Consumer<String> progress;
    private final int parallelism;
    private final Duration propagationTimeout;

    /**
     * @param progress one line per stage, for the person watching
     * @param parallelism calls in flight at once
     * @param propagationTimeout how long an event may take to reach another service
     */
    public ScenarioPlayer(Api api, Consumer<String> progress, int parallelism, Duration propagationTimeout) {
        this.api = api;
        this.progress = progress;
        this.parallelism = parallelism;
        this.propagationTimeout = propagationTimeout;
    }

    /** What a play produced: the plan's expected figures and reporting-service's summary as of the plan's asOf. */
    public record Result(Expected expected, Map<String, Object> summary, Map<String, String> differences, Duration took) {
    }

    public Result play(Plan plan) {
        long started = System.nanoTime();
        Map<String, Object> baseline = summary(null);
        Map<String, Object> baselineAsOf = summary(plan.asOf());
        Run run = new Run(plan);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            stage("ledger, employers and participants", () -> {
                List<Callable<Void>> tasks = new ArrayList<>();
                tasks.add(() -> run.ledger());
                plan.employers().forEach(e -> tasks.add(() -> run.employer(e)));
                plan.participants().forEach(p -> tasks.add(() -> run.participant(p)));
                all(pool, tasks);
                return plan.bookings().size() + " bookings, " + plan.employers().size() + " employers with " + plan.vacancies().size()
                        + " vacancies, " + plan.participants().size() + " participants with their intakes and activities";
            });
            stage("job fairs", () -> {
                awaitReporting("participants", baseline, Map.of("enrolled", (long) plan.participants().size()));
                all(pool, plan.fairs().stream().<Callable<Void>>map(f -> () -> run.fair(f)).toList());
                List<Callable<Void>> meetings = new ArrayList<>();
                plan.participants().forEach(p -> p.activities().stream().filter(a -> a.fair() != null)
                        .forEach(a -> meetings.add(() -> run.meeting(p, a))));
                all(pool, meetings);
                return plan.fairs().size() + " job fairs, " + meetings.size() + " meetings with employers";
            });
            stage("TWV requests", () -> {
                all(pool, plan.participants().stream().filter(p -> !p.twvs().isEmpty())
                        .<Callable<Void>>map(p -> () -> run.permits(p)).toList());
                long decided = plan.participants().stream().flatMap(p -> p.twvs().stream()).filter(Plan.Twv::decided).count();
                long granted = plan.participants().stream().flatMap(p -> p.twvs().stream()).filter(Plan.Twv::granted).count();
                return (plan.participants().stream().mapToLong(p -> p.twvs().size()).sum()) + " requested, " + decided
                        + " decided by UWV, " + granted + " granted";
            });
            stage("placements", () -> {
                long granted = plan.participants().stream().flatMap(p -> p.twvs().stream()).filter(Plan.Twv::granted).count();
                long intakes = plan.participants().stream().filter(p -> p.intakeOn() != null).count();
                awaitReporting("TWV decisions and intakes", baseline, Map.of("twvsGranted", granted, "intakesCompleted", intakes));
                List<Plan.Participant> placed = plan.participants().stream().filter(p -> p.placement() != null).toList();
                all(pool, placed.stream().<Callable<Void>>map(p -> () -> run.placement(p)).toList());
                long ended = placed.stream().filter(p -> p.placement().endedOn() != null).count();
                long changes = placed.stream().mapToLong(p -> p.placement().changes().size()).sum();
                return placed.size() + " placements, " + changes + " changes of hours or wage, " + ended + " ended (" + placed.stream()
                        .filter(p -> p.placement().relocatedTo() != null).count() + " after a relocation by COA)";
            });
        } finally {
            pool.shutdownNow();
        }
        Expected expected = Expected.of(plan, plan.asOf());
        Map<String, Object> target = new LinkedHashMap<>(expected.figures());
        boolean fresh = number(baselineAsOf.get("enrolled")) == 0;
        if (!fresh) {
            // Played on top of earlier data: only the counts add up; medians and ratios mix both.
            target.replaceAll((name, value) -> value instanceof Long count ? count + number(baselineAsOf.get(name)) : null);
        }
        Map<String, Object> summary = awaitSummary(plan.asOf(), target);
        Map<String, String> differences = new LinkedHashMap<>();
        target.forEach((name, value) -> {
            if (value != null && !sameNumber(value, summary.get(name))) {
                differences.put(name, "expected " + value + ", reporting-service shows " + summary.get(name));
            }
        });
        return new Result(expected, summary, differences, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The summary as of a date (null: today), in the API's field names. */
    public Map<String, Object> summary(LocalDate asOf) {
        return summary(asOf, null);
    }

    public Map<String, Object> summary(LocalDate asOf, String location) {
        StringBuilder query = new StringBuilder("/metrics/summary");
        String separator = "?";
        if (asOf != null) {
            query.append(separator).append("asOf=").append(asOf);
            separator = "&";
        }
        if (location != null) {
            query.append(separator).append("location=").append(location.replace(" ", "%20"));
        }
        // As finance: an analyst sees small counts of a location as "<5".
        return Api.JSON.convertValue(api.get(Api.REPORTING, FINANCE, query.toString()), Api.JSON.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
    }

    // ---- one run of a plan: ids handed out by the services, keyed by the plan's indexes

    private final class Run {
        private final Plan plan;
        private final Map<Integer, String> employerIds = new ConcurrentHashMap<>();
        private final Map<Integer, String> vacancyIds = new ConcurrentHashMap<>();
        private final Map<Integer, String> fairIds = new ConcurrentHashMap<>();
        private final Map<Integer, String> participantIds = new ConcurrentHashMap<>();
        private final AtomicInteger retries = new AtomicInteger();

        Run(Plan plan) {
            this.plan = plan;
        }

        /** The same step of the same plan always gets the same key: a replay after a failure is applied once. */
        private String key(String step) {
            return UUID.nameUUIDFromBytes((plan.runKey() + "/" + step).getBytes(StandardCharsets.UTF_8)).toString();
        }

        Void ledger() {
            int i = 0;
            for (Plan.Budget budget : plan.budget()) {
                api.post(Api.REPORTING, FINANCE, "/programme-ledger/budget-allocations", body("phase", budget.phase(),
                        "amountCents", budget.amountCents(), "allocatedOn", budget.allocatedOn()), key("budget/" + i++));
            }
            i = 0;
            for (Plan.Booking booking : plan.bookings()) {
                api.post(Api.REPORTING, FINANCE, "/programme-ledger/expenditures", body("category", booking.category(),
                        "amountCents", booking.amountCents(), "location", booking.location(), "bookedOn", booking.bookedOn()),
                        key("booking/" + i++));
            }
            return null;
        }

        Void employer(Plan.Employer e) {
            Map<String, Object> registration = body("registeredOn", e.registeredOn(), "tradeName", e.tradeName(), "kvkNumber",
                    e.kvkNumber(), "sector", e.sector(), "temporaryEmploymentAgency", e.temporaryEmploymentAgency(),
                    "contactPerson", body("name", "Contact " + e.tradeName(), "email", "werkdesk" + e.kvkNumber() + "@example.org"));
            if (e.twvIntermediary()) {
                registration.put("twvIntermediary", body("from", e.registeredOn()));
            }
            String employerId = api.post(Api.EMPLOYERS, LIAISON, "/employers", registration, key("employer/" + e.index()))
                    .path("employerId").asText();
            employerIds.put(e.index(), employerId);
            for (Plan.Vacancy v : plan.vacancies()) {
                if (v.employer() == e.index()) {
                    String vacancyId = api.post(Api.EMPLOYERS, LIAISON, "/vacancies", body("employerId", employerId, "openedOn",
                            v.openedOn(), "title", v.title(), "sector", v.sector(), "hoursPerWeek", v.hoursPerWeek(),
                            "hourlyWageCents", v.hourlyWageCents(), "requiredDutchLevel", "none", "location", v.place()),
                            key("vacancy/" + v.index())).path("vacancyId").asText();
                    vacancyIds.put(v.index(), vacancyId);
                }
            }
            return null;
        }

        Void participant(Plan.Participant p) {
            Map<String, Object> personalData = body("fullName", p.fullName(), "dateOfBirth", p.dateOfBirth(), "nationality",
                    p.nationality(), "vNumber", p.vNumber());
            String id = api.post(Api.PARTICIPANTS, CASEWORKER, "/participants", body("registeredOn", p.registeredOn(), "location",
                    p.location(), "asylumApplicationDate", p.asylumApplicationDate(), "wDocumentType", p.wDocumentType(),
                    "wDocumentValidUntil", p.wDocumentValidUntil(), "languages", p.languages(), "personalData", personalData),
                    key("participant/" + p.index())).path("participantId").asText();
            participantIds.put(p.index(), id);
            String path = "/participants/" + id;
            if (p.intakeOn() != null) {
                api.post(Api.PARTICIPANTS, CASEWORKER, path + "/intake", body("completedOn", p.intakeOn(), "sectorPreferences",
                        p.sectorPreferences(), "dutchLevel", "A1", "englishLevel", "A2", "workExperience",
                        List.of(body("sector", p.sectorPreferences().get(0), "years", 1 + p.index() % 5))), key("intake/" + p.index()));
            }
            int i = 0;
            for (Plan.Activity activity : p.activities()) {
                api.post(Api.PARTICIPANTS, CASEWORKER, path + "/activities", body("activity", activity.type(), "completedOn",
                        activity.completedOn()), key("activity/" + p.index() + "/" + i++));
            }
            if (p.residencePermitOn() != null) {
                api.post(Api.PARTICIPANTS, CASEWORKER, path + "/residence-permit", body("grantedOn", p.residencePermitOn()),
                        key("residence-permit/" + p.index()));
            }
            return null;
        }

        Void fair(Plan.Fair fair) {
            List<String> employers = fair.employers().stream().map(employerIds::get).toList();
            fairIds.put(fair.index(), api.post(Api.EMPLOYERS, LIAISON, "/job-fairs", body("heldOn", fair.heldOn(), "location",
                    fair.location(), "employerIds", employers), key("fair/" + fair.index())).path("jobFairId").asText());
            return null;
        }

        Void meeting(Plan.Participant p, Plan.Activity activity) {
            // employer-service learns of participants from Kafka and shows no list of them: the command is the probe.
            untilAccepted(() -> api.post(Api.EMPLOYERS, LIAISON, "/job-fairs/" + fairIds.get(activity.fair()) + "/meetings",
                    body("participantId", participantIds.get(p.index()), "employerId", employerIds.get(activity.employer()),
                            "metOn", activity.completedOn()), key("meeting/" + p.index() + "/" + activity.fair())));
            return null;
        }

        Void permits(Plan.Participant p) {
            int i = 0;
            for (Plan.Twv twv : p.twvs()) {
                Plan.Vacancy vacancy = plan.vacancies().get(twv.vacancy());
                Plan.Employer employer = plan.employers().get(vacancy.employer());
                String permitId = api.post(Api.PERMITS, PERMIT_OFFICER, "/permits", body("participantId", participantIds.get(p.index()),
                        "employerId", employerIds.get(employer.index()), "vacancyId", vacancyIds.get(vacancy.index()),
                        "hourlyWageCents", vacancy.hourlyWageCents(), "hoursPerWeek", vacancy.hoursPerWeek(), "startDate",
                        twv.startDate(), "requestedOn", twv.requestedOn(), "viaIntermediary", employer.twvIntermediary()),
                        key("twv/" + p.index() + "/" + i)).path("permitId").asText();
                String path = "/permits/" + permitId;
                // permit-service screens the request once the participant and the employer reached it through Kafka.
                String status = await("permit " + permitId + " to be screened", () -> {
                    String now = api.get(Api.PERMITS, PERMIT_OFFICER, path).path("status").asText();
                    return "pending-information".equals(now) ? null : now;
                });
                if (!"requested".equals(status)) {
                    throw new IllegalStateException("TWV request " + i + " of participant " + p.index() + " was " + status
                            + " by permit-service; the scenario expected it to proceed");
                }
                if (twv.completedOn() != null) {
                    api.post(Api.PERMITS, PERMIT_OFFICER, path + "/completion", body("completedOn", twv.completedOn()),
                            key("twv-complete/" + p.index() + "/" + i));
                }
                if (twv.decided()) {
                    Map<String, Object> decision = body("outcome", twv.granted() ? "granted" : "refused", "decidedOn", twv.decidedOn());
                    if (twv.granted()) {
                        decision.put("validFrom", twv.decidedOn());
                    } else {
                        decision.put("refusalReason", twv.refusalReason());
                    }
                    api.post(Api.PERMITS, PERMIT_OFFICER, path + "/decision", decision, key("twv-decision/" + p.index() + "/" + i));
                }
                i++;
            }
            return null;
        }

        Void placement(Plan.Participant p) {
            Plan.Placement placement = p.placement();
            Plan.Vacancy vacancy = plan.vacancies().get(placement.vacancy());
            // placement-service judges on what it consumed (intake, vacancy, TWV grant or residence permit) and shows
            // none of it: the command is the probe.
            String placementId = untilAccepted(() -> api.post(Api.PLACEMENTS, CASEWORKER, "/placements", body("participantId",
                    participantIds.get(p.index()), "employerId", employerIds.get(vacancy.employer()), "vacancyId",
                    vacancyIds.get(vacancy.index()), "sector", vacancy.sector(), "startedOn", placement.startedOn(), "hoursPerWeek",
                    vacancy.hoursPerWeek(), "hourlyWageCents", vacancy.hourlyWageCents(), "contractType", placement.contractType()),
                    key("placement/" + p.index()))).path("placementId").asText();
            int change = 0;
            for (Plan.Change c : placement.changes()) {
                api.post(Api.PLACEMENTS, CASEWORKER, "/placements/" + placementId + "/changes", body("changedOn", c.changedOn(),
                        "hoursPerWeek", c.hoursPerWeek(), "hourlyWageCents", c.hourlyWageCents()),
                        key("placement-change/" + p.index() + "/" + change++));
            }
            if (placement.relocatedTo() != null) {
                api.post(Api.PARTICIPANTS, CASEWORKER, "/participants/" + participantIds.get(p.index()) + "/relocations",
                        body("fromLocation", p.location(), "toLocation", placement.relocatedTo(), "relocatedOn", placement.relocatedOn()),
                        key("relocation/" + p.index()));
                await("placement " + placementId + " to be flagged at risk after the relocation", () -> {
                    JsonNode risks = api.get(Api.PLACEMENTS, CASEWORKER, "/placements/" + placementId).path("risks");
                    return risks.isArray() && !risks.isEmpty() ? risks : null;
                });
            }
            if (placement.endedOn() != null) {
                api.post(Api.PLACEMENTS, CASEWORKER, "/placements/" + placementId + "/end", body("endedOn", placement.endedOn(),
                        "reason", placement.endReason()), key("placement-end/" + p.index()));
            }
            return null;
        }

        private JsonNode untilAccepted(Supplier<JsonNode> command) {
            long deadline = System.nanoTime() + propagationTimeout.toNanos();
            Duration backoff = FIRST_BACKOFF;
            while (true) {
                try {
                    return command.get();
                } catch (Api.Failure failure) {
                    if (!failure.refused() || System.nanoTime() > deadline) {
                        throw failure;
                    }
                    retries.incrementAndGet();
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        }
    }

    // ---- waiting for events to travel

    private <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + propagationTimeout.toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Waited " + propagationTimeout.toSeconds() + " s for " + what);
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Waits until reporting-service (today's figures) counts at least the baseline plus these additions. */
    private void awaitReporting(String what, Map<String, Object> baseline, Map<String, Long> added) {
        await("reporting-service to count the " + what, () -> {
            Map<String, Object> now = summary(null);
            boolean there = added.entrySet().stream()
                    .allMatch(e -> number(now.get(e.getKey())) >= number(baseline.get(e.getKey())) + e.getValue());
            return there ? Boolean.TRUE : null;
        });
    }

    /** The summary as of the date once it shows the target figures, or as it stands when the wait runs out. */
    private Map<String, Object> awaitSummary(LocalDate asOf, Map<String, Object> target) {
        long deadline = System.nanoTime() + propagationTimeout.multipliedBy(2).toNanos();
        while (true) {
            Map<String, Object> summary = summary(asOf);
            BooleanSupplier reached = () -> target.entrySet().stream()
                    .allMatch(e -> e.getValue() == null || sameNumber(e.getValue(), summary.get(e.getKey())));
            if (reached.getAsBoolean() || System.nanoTime() > deadline) {
                return summary;
            }
            pause(Duration.ofMillis(500));
        }
    }

    private void stage(String name, Callable<String> work) {
        long started = System.nanoTime();
        progress.accept("  " + name + " ...");
        String outcome;
        try {
            outcome = work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
        }
        progress.accept(String.format("  %s: %s (%.1f s)", name, outcome, (System.nanoTime() - started) / 1e9));
    }

    /** Runs the tasks in the pool; the first failure cancels the rest and is thrown. */
    private static void all(ExecutorService pool, List<Callable<Void>> tasks) {
        List<Future<Void>> futures = new ArrayList<>();
        tasks.forEach(task -> futures.add(pool.submit(task)));
        try {
            for (Future<Void> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    static boolean sameNumber(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return Objects.equals(expected, actual);
        }
        return Math.abs(((Number) expected).doubleValue() - ((Number) actual).doubleValue()) < 0.001;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
