package nl.werkdesk.local.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns a scenario's data file into a {@link Plan}: every date, person, employer and choice is drawn from one
 * {@link Random} seeded by the scenario (java.util.Random's sequence is specified, so every JVM draws the same), in
 * a fixed order. Counts are exact; dates are fitted so that each step respects the services' rules (intake after
 * registration, a TWV only once eligible and before the start, a placement on a granted TWV or as a status holder,
 * every step on or before the scenario's asOf).
 */
public final class ScenarioGenerator {

    private static final String ACTIVITY_JOB_FAIR = "job-fair";
    private static final List<String> OTHER_ACTIVITIES = List.of("application-training", "cv-help");
    private static final int MAX_ACTIVITIES = 3;
    private static final String RELOCATED_BY_COA = "relocated-by-coa";
    /** Placement changes: their own seed offset, one placement in CHANGE_ODDS changes, hours stay within 12-40. */
    private static final long CHANGES_SEED = 14;
    private static final int CHANGE_ODDS = 3;
    private static final int MIN_DAYS_BEFORE_CHANGE = 21;
    private static final int MIN_HOURS_STEP = 4;
    private static final int MAX_HOURS_STEP = 8;
    private static final int MIN_HOURS = 12;
    private static final int MAX_HOURS = 40;
    private static final int WAGE_RAISE_MIN = 25;
    private static final int WAGE_RAISE_STEPS = 10;

    private final Scenario scenario;
    private final Random random;
    private final double scale;
    private final Set<String> identifiers = new HashSet<>();
    private final List<Plan.Employer> employers = new ArrayList<>();
    private final List<Plan.Vacancy> vacancies = new ArrayList<>();
    private final List<Plan.Fair> fairs = new ArrayList<>();

    private ScenarioGenerator(Scenario scenario, int participants) {
        this.scenario = scenario;
        this.random = new Random(scenario.seed());
        this.scale = (double) participants / scenario.participants();
    }

    /** The plan of the scenario as written. */
    public static Plan plan(Scenario scenario) {
        return plan(scenario, scenario.participants());
    }

    /**
     * The plan scaled to {@code participants} in all: every count, employer group and amount grows or shrinks in
     * proportion, so that the figures keep their shape (rates, cost per placement) at a larger volume.
     */
    public static Plan plan(Scenario scenario, int participants) {
        if (participants < 1) {
            throw new IllegalArgumentException("participants must be at least 1");
        }
        return new ScenarioGenerator(scenario, participants).generate(participants);
    }

    private Plan generate(int participants) {
        String runKey = scenario.name() + "/" + scenario.seed() + "/" + participants;
        List<Plan.Budget> budget = scenario.budget().stream()
                .map(b -> new Plan.Budget(b.phase(), amount(b.amountCents()), b.allocatedOn())).toList();
        List<Plan.Booking> bookings = bookings();
        scenario.employers().forEach(this::employerGroup);
        // A pilot scaled up holds more fairs, not bigger ones: a fair is one stream, and its meetings stay a fair's size.
        for (Scenario.JobFair fair : scenario.jobFairs()) {
            for (int copy = Math.max(1, count(1)); copy > 0; copy--) {
                fair(fair);
            }
        }
        List<Plan.Participant> people = new ArrayList<>();
        for (Scenario.Cohort cohort : scenario.cohorts()) {
            people.addAll(new CohortDraw(scaled(cohort), people.size()).draw());
        }
        Random changes = new Random(scenario.seed() + CHANGES_SEED);
        people.replaceAll(p -> p.placement() == null ? p : withPlacement(p, withChanges(p.placement(), changes)));
        return new Plan(scenario.name(), scenario.title(), runKey, scenario.asOf(), budget, bookings, List.copyOf(employers),
                List.copyOf(vacancies), List.copyOf(fairs), List.copyOf(people));
    }

    // ---- money

    private List<Plan.Booking> bookings() {
        List<Plan.Booking> bookings = new ArrayList<>();
        for (Scenario.Expenditure e : scenario.expenditure()) {
            long amount = amount(e.amountCents());
            if (e.bookedOn() != null) {
                bookings.add(new Plan.Booking(e.category(), e.location(), amount, e.bookedOn()));
                continue;
            }
            for (YearMonth month = e.from(); !month.isAfter(e.until()); month = month.plusMonths(1)) {
                LocalDate on = month.atDay(Math.min(e.day() == null ? 1 : e.day(), month.lengthOfMonth()));
                if (!on.isAfter(scenario.asOf())) {
                    bookings.add(new Plan.Booking(e.category(), e.location(), amount, on));
                }
            }
        }
        bookings.sort(Comparator.comparing(Plan.Booking::bookedOn));
        return bookings;
    }

    private long amount(long cents) {
        return BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.HALF_UP).longValue();
    }

    private int count(int count) {
        return (int) Math.round(count * scale);
    }

    private Scenario.Cohort scaled(Scenario.Cohort c) {
        if (scale == 1.0) {
            return c;
        }
        Map<String, Integer> ends = new TreeMap<>();
        c.placementEnds().forEach((reason, n) -> ends.put(reason, count(n)));
        return new Scenario.Cohort(c.location(), Math.max(1, count(c.participants())), c.registeredFrom(), c.registeredUntil(),
                count(c.intakes()), count(c.withActivity()), count(c.dublinClaimants()), count(c.notYetEligible()),
                count(c.placedWithTwv()), count(c.placedAfterRefusal()), count(c.placedAsStatusHolder()), count(c.refusedTwvs()),
                count(c.pendingTwvs()), ends);
    }

    // ---- employers, vacancies, job fairs

    private void employerGroup(Scenario.EmployerGroup group) {
        int count = Math.max(1, count(group.count()));
        List<Integer> order = shuffled(count);
        int agencies = Math.min(count, count(group.temporaryEmploymentAgencies()));
        int intermediaries = Math.min(count, count(group.withTwvIntermediary()));
        for (int i = 0; i < count; i++) {
            String baseName = group.tradeNames().get(i % group.tradeNames().size());
            String tradeName = i < group.tradeNames().size() ? baseName : baseName + " " + (i / group.tradeNames().size() + 1);
            LocalDate registeredOn = between(group.registeredFrom(), group.registeredUntil());
            Plan.Employer employer = new Plan.Employer(employers.size(), tradeName, identifier("kvk", 8), group.sector(),
                    order.get(i) < agencies, order.get(i) >= count - intermediaries, registeredOn);
            employers.add(employer);
            for (int v = 0; v < group.vacanciesPerEmployer(); v++) {
                long wage = 5 * (between(group.minHourlyWageCents(), group.maxHourlyWageCents()) / 5);
                vacancies.add(new Plan.Vacancy(vacancies.size(), employer.index(), pick(group.jobTitles()), group.sector(),
                        (int) between(group.minHoursPerWeek(), group.maxHoursPerWeek()), wage, pick(group.places()),
                        registeredOn.plusDays(between(0, 14))));
            }
        }
    }

    private void fair(Scenario.JobFair fair) {
        List<Integer> registered = new ArrayList<>(employers.stream()
                .filter(e -> !e.registeredOn().isAfter(fair.heldOn())).map(Plan.Employer::index).toList());
        if (registered.isEmpty()) {
            throw new IllegalArgumentException("job fair on " + fair.heldOn() + ": no employer is registered by then");
        }
        Collections.shuffle(registered, random);
        List<Integer> taking = registered.subList(0, Math.min(fair.employers(), registered.size())).stream().sorted().toList();
        fairs.add(new Plan.Fair(fairs.size(), fair.heldOn(), fair.location(), taking));
    }

    // ---- participants

    /** Draws one cohort: dates first, then who reaches which step, then the steps themselves. */
    private final class CohortDraw {

        private final Scenario.Cohort cohort;
        private final int firstIndex;
        private final List<Draft> drafts = new ArrayList<>();

        CohortDraw(Scenario.Cohort cohort, int firstIndex) {
            this.cohort = cohort;
            this.firstIndex = firstIndex;
        }

        List<Plan.Participant> draw() {
            for (int i = 0; i < cohort.participants(); i++) {
                drafts.add(new Draft(cohort.location(), between(cohort.registeredFrom(), cohort.registeredUntil())));
            }
            drafts.sort(Comparator.comparing(d -> d.registeredOn));
            LocalDate asOf = scenario.asOf();
            List<Draft> dublin = choose("dublinClaimants", cohort.dublinClaimants(), d -> true);
            dublin.forEach(d -> d.role = Role.DUBLIN);
            choose("notYetEligible", cohort.notYetEligible(), d -> d.role == null).forEach(d -> d.role = Role.NOT_YET_ELIGIBLE);
            choose("placedAfterRefusal", cohort.placedAfterRefusal(), free(asOf.minusDays(150))).forEach(d -> d.role = Role.PLACED_AFTER_REFUSAL);
            choose("placedWithTwv", cohort.placedWithTwv() - cohort.placedAfterRefusal(), free(asOf.minusDays(80)))
                    .forEach(d -> d.role = Role.PLACED_WITH_TWV);
            choose("placedAsStatusHolder", cohort.placedAsStatusHolder(), free(asOf.minusDays(45))).forEach(d -> d.role = Role.STATUS_HOLDER);
            choose("refusedTwvs", cohort.refusedTwvs() - cohort.placedAfterRefusal(), free(asOf.minusDays(70))).forEach(d -> d.role = Role.REFUSED);
            choose("pendingTwvs", cohort.pendingTwvs(), free(asOf.minusDays(14))).forEach(d -> d.role = Role.PENDING);
            drafts.stream().filter(d -> d.role == null).forEach(d -> d.role = Role.NONE);

            long needIntake = drafts.stream().filter(d -> d.role.needsIntake).count();
            if (needIntake > cohort.intakes()) {
                throw new IllegalArgumentException(cohort.location() + ": " + needIntake
                        + " participants need an intake for their TWV or placement, more than the " + cohort.intakes() + " intakes");
            }
            drafts.stream().filter(d -> d.role.needsIntake).forEach(d -> d.intake = true);
            choose("intakes", cohort.intakes() - (int) needIntake,
                    d -> !d.intake && !d.registeredOn.isAfter(asOf.minusDays(5))).forEach(d -> d.intake = true);
            for (Draft d : drafts) {
                d.intakeOn = d.intake ? fitBefore(d.registeredOn.plusDays(d.role.needsIntake ? between(2, 10) : between(3, 21)), asOf.minusDays(1))
                        : null;
            }
            choose("withActivity", cohort.withActivity(), d -> d.intake && !d.intakeOn.isAfter(asOf.minusDays(3))).forEach(d -> d.active = true);
            List<Plan.Participant> participants = new ArrayList<>();
            for (Draft d : drafts) {
                participants.add(d.build(firstIndex + participants.size()));
            }
            assignEnds(participants);
            return participants;
        }

        private Predicate<Draft> free(LocalDate registeredBy) {
            return d -> d.role == null && !d.registeredOn.isAfter(registeredBy);
        }

        private List<Draft> choose(String what, int count, Predicate<Draft> candidate) {
            List<Draft> candidates = new ArrayList<>(drafts.stream().filter(candidate).toList());
            if (count < 0 || candidates.size() < count) {
                throw new IllegalArgumentException(cohort.location() + ": the scenario asks for " + count + " " + what
                        + " but only " + candidates.size() + " participants qualify (registered early enough, not chosen otherwise)");
            }
            Collections.shuffle(candidates, random);
            return candidates.subList(0, count);
        }

        /** Ends of placements, by reason, among placements that started a month or more before asOf. */
        private void assignEnds(List<Plan.Participant> participants) {
            LocalDate asOf = scenario.asOf();
            for (Map.Entry<String, Integer> end : new TreeMap<>(cohort.placementEnds()).entrySet()) {
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < participants.size(); i++) {
                    Plan.Placement placement = participants.get(i).placement();
                    if (placement != null && placement.endedOn() == null && !placement.startedOn().isAfter(asOf.minusDays(30))) {
                        candidates.add(i);
                    }
                }
                if (candidates.size() < end.getValue()) {
                    throw new IllegalArgumentException(cohort.location() + ": " + end.getValue() + " placements ending (" + end.getKey()
                            + ") but only " + candidates.size() + " started early enough");
                }
                Collections.shuffle(candidates, random);
                for (int i : candidates.subList(0, end.getValue())) {
                    Plan.Participant p = participants.get(i);
                    Plan.Placement placement = p.placement();
                    LocalDate latest = asOf.minusDays(2);
                    LocalDate relocatedOn = null;
                    String relocatedTo = null;
                    LocalDate endedOn;
                    if (RELOCATED_BY_COA.equals(end.getKey())) {
                        relocatedOn = between(placement.startedOn().plusDays(14), latest);
                        relocatedTo = pick(scenario.relocationDestinations());
                        endedOn = fitBefore(relocatedOn.plusDays(between(0, 3)), latest);
                    } else {
                        endedOn = between(placement.startedOn().plusDays(21), latest);
                    }
                    participants.set(i, withPlacement(p, new Plan.Placement(placement.vacancy(), placement.startedOn(),
                            placement.contractType(), endedOn, end.getKey(), relocatedOn, relocatedTo, List.of())));
                }
            }
        }
    }

    private enum Role {
        NONE(false), DUBLIN(false), NOT_YET_ELIGIBLE(false), PLACED_WITH_TWV(true), PLACED_AFTER_REFUSAL(true),
        STATUS_HOLDER(true), REFUSED(true), PENDING(true);

        final boolean needsIntake;

        Role(boolean needsIntake) {
            this.needsIntake = needsIntake;
        }
    }

    /** One participant while the cohort is drawn. */
    private final class Draft {
        final String location;
        final LocalDate registeredOn;
        Role role;
        boolean intake;
        boolean active;
        LocalDate intakeOn;

        Draft(String location, LocalDate registeredOn) {
            this.location = location;
            this.registeredOn = registeredOn;
        }

        Plan.Participant build(int index) {
            LocalDate asOf = scenario.asOf();
            LocalDate applied = role == Role.NOT_YET_ELIGIBLE ? registeredOn.minusDays(between(60, 150))
                    : registeredOn.minusDays(between(190, 420));
            LocalDate eligibleFrom = applied.plusMonths(6);
            Scenario.Nationality nationality = nationality();
            List<String> languages = new ArrayList<>(nationality.languages());
            if (random.nextInt(3) == 0) {
                languages.add("en");
            }
            List<String> preferences = List.of(pick(scenario.employers()).sector());
            List<Plan.Activity> activities = active ? activities() : List.of();
            List<Plan.Twv> twvs = new ArrayList<>();
            Plan.Placement placement = null;
            LocalDate residencePermitOn = null;
            switch (role) {
                case PLACED_WITH_TWV -> {
                    Plan.Twv granted = grantedTwv(intakeOn.plusDays(between(5, 30)), intakeOn.plusDays(1), eligibleFrom, -1);
                    twvs.add(granted);
                    placement = placement(granted.vacancy(), later(granted.decidedOn(), granted.startDate()));
                }
                case PLACED_AFTER_REFUSAL -> {
                    Plan.Twv refused = refusedTwv(intakeOn.plusDays(between(5, 20)), eligibleFrom, -1);
                    Plan.Twv granted = grantedTwv(refused.decidedOn().plusDays(between(3, 21)), refused.decidedOn().plusDays(1), eligibleFrom,
                            refused.vacancy());
                    twvs.add(refused);
                    twvs.add(granted);
                    placement = placement(granted.vacancy(), later(granted.decidedOn(), granted.startDate()));
                }
                case STATUS_HOLDER -> {
                    residencePermitOn = fitBefore(registeredOn.plusDays(between(20, 120)), asOf.minusDays(20));
                    LocalDate startedOn = fitBefore(later(intakeOn, residencePermitOn).plusDays(between(7, 40)), asOf.minusDays(2));
                    placement = placement(vacancyOpenOn(startedOn, -1), startedOn);
                }
                case REFUSED -> twvs.add(refusedTwv(intakeOn.plusDays(between(5, 60)), eligibleFrom, -1));
                case PENDING -> twvs.add(pendingTwv(later(intakeOn.plusDays(1), asOf.minusDays(between(5, 30))), eligibleFrom));
                default -> {
                }
            }
            String vNumber = identifier("v-number", 10);
            return new Plan.Participant(index, location, registeredOn, applied, role == Role.DUBLIN ? "W2" : "W",
                    registeredOn.plusDays(between(700, 900)), registeredOn.minusYears(between(19, 55)).minusDays(between(0, 364)),
                    nationality.code(), vNumber, "Deelnemer " + vNumber.substring(6), List.copyOf(languages), intakeOn, preferences,
                    activities, residencePermitOn, List.copyOf(twvs), placement);
        }

        private List<Plan.Activity> activities() {
            LocalDate asOf = scenario.asOf();
            List<Plan.Activity> activities = new ArrayList<>();
            Set<Integer> fairsVisited = new HashSet<>();
            int count = (int) between(1, MAX_ACTIVITIES);
            for (int i = 0; i < count; i++) {
                List<Plan.Fair> reachable = fairs.stream()
                        .filter(f -> f.location().equals(location) && !f.heldOn().isBefore(intakeOn) && !f.heldOn().isAfter(asOf)
                                && !fairsVisited.contains(f.index()))
                        .toList();
                if (!reachable.isEmpty() && random.nextInt(3) == 0) {
                    Plan.Fair fair = pick(reachable);
                    fairsVisited.add(fair.index());
                    activities.add(new Plan.Activity(ACTIVITY_JOB_FAIR, fair.heldOn(), fair.index(), pick(fair.employers())));
                } else {
                    activities.add(new Plan.Activity(pick(OTHER_ACTIVITIES), fitBefore(intakeOn.plusDays(between(1, 75)), asOf.minusDays(1)),
                            null, null));
                }
            }
            activities.sort(Comparator.comparing(Plan.Activity::completedOn));
            return List.copyOf(activities);
        }

        /**
         * A granted TWV requested on {@code preferred}, or earlier (not before {@code floor}) when its decision and start
         * would come later than two days before asOf.
         */
        private Plan.Twv grantedTwv(LocalDate preferred, LocalDate floor, LocalDate eligibleFrom, int otherThan) {
            Scenario.Twv rules = scenario.twv();
            LocalDate latestStart = scenario.asOf().minusDays(2);
            long completion = between(rules.minCompletionDays(), rules.maxCompletionDays());
            long decision = between(rules.minDecisionDays(), rules.maxDecisionDays());
            long startAfter = between(rules.minStartAfterRequestDays(), rules.maxStartAfterRequestDays());
            LocalDate latestRequest = latestStart.minusDays(Math.max(completion + decision, startAfter));
            LocalDate requestedOn = preferred.isAfter(latestRequest) ? later(latestRequest, floor) : preferred;
            LocalDate completedOn = requestedOn.plusDays(completion);
            LocalDate decidedOn = fitBefore(completedOn.plusDays(decision), latestStart);
            LocalDate startDate = fitBefore(later(requestedOn.plusDays(startAfter), eligibleFrom), latestStart);
            if (decidedOn.isBefore(completedOn) || startDate.isBefore(eligibleFrom) || startDate.isBefore(requestedOn)) {
                throw new IllegalArgumentException(location + ": a participant registered on " + registeredOn
                        + " cannot be granted a TWV and start by " + latestStart + "; register the placed participants earlier");
            }
            return new Plan.Twv(vacancyOpenOn(requestedOn, otherThan), requestedOn, startDate, completedOn, decidedOn, true, null);
        }

        private Plan.Twv refusedTwv(LocalDate earliest, LocalDate eligibleFrom, int otherThan) {
            Scenario.Twv rules = scenario.twv();
            LocalDate latest = scenario.asOf().minusDays(1);
            long completion = between(rules.minCompletionDays(), rules.maxCompletionDays());
            long decision = between(rules.minDecisionDays(), rules.maxDecisionDays());
            LocalDate requestedOn = earliest;
            if (requestedOn.plusDays(completion + decision).isAfter(latest)) {
                requestedOn = later(intakeOn.plusDays(1), latest.minusDays(completion + decision));
            }
            LocalDate completedOn = fitBefore(requestedOn.plusDays(completion), latest);
            LocalDate decidedOn = fitBefore(completedOn.plusDays(decision), latest);
            LocalDate startDate = later(requestedOn.plusDays(between(rules.minStartAfterRequestDays(), rules.maxStartAfterRequestDays())),
                    eligibleFrom);
            return new Plan.Twv(vacancyOpenOn(requestedOn, otherThan), requestedOn, startDate, completedOn, decidedOn, false,
                    refusalReason());
        }

        private Plan.Twv pendingTwv(LocalDate requestedOn, LocalDate eligibleFrom) {
            Scenario.Twv rules = scenario.twv();
            LocalDate requested = fitBefore(requestedOn, scenario.asOf().minusDays(1));
            LocalDate completedOn = requested.plusDays(between(rules.minCompletionDays(), rules.maxCompletionDays()));
            LocalDate startDate = later(requested.plusDays(between(rules.minStartAfterRequestDays(), rules.maxStartAfterRequestDays())),
                    eligibleFrom);
            return new Plan.Twv(vacancyOpenOn(requested, -1), requested, startDate,
                    completedOn.isAfter(scenario.asOf()) ? null : completedOn, null, false, null);
        }

        private Plan.Placement placement(int vacancy, LocalDate from) {
            LocalDate startedOn = fitBefore(from.plusDays(between(0, 7)), scenario.asOf().minusDays(2));
            boolean agency = employers.get(vacancies.get(vacancy).employer()).temporaryEmploymentAgency();
            String contract = agency ? "temporary-via-agency" : random.nextInt(5) == 0 ? "permanent" : "fixed-term";
            return new Plan.Placement(vacancy, startedOn, contract, null, null, null, null, List.of());
        }
    }

    /**
     * Some placements change hours (and now and then the wage) once or twice, from three weeks after the start until the
     * end or asOf. Drawn from a generator of their own, so that every other draw, and with it every reported figure,
     * stays as it was before placements changed.
     */
    private Plan.Placement withChanges(Plan.Placement placement, Random changes) {
        int count = changes.nextInt(CHANGE_ODDS) == 0 ? 1 + changes.nextInt(2) : 0;
        LocalDate latest = placement.endedOn() != null ? placement.endedOn().minusDays(1) : scenario.asOf().minusDays(1);
        Plan.Vacancy vacancy = vacancies.get(placement.vacancy());
        int hours = vacancy.hoursPerWeek();
        long wage = vacancy.hourlyWageCents();
        LocalDate from = placement.startedOn().plusDays(MIN_DAYS_BEFORE_CHANGE);
        List<Plan.Change> drawn = new ArrayList<>();
        for (int i = 0; i < count && !from.isAfter(latest); i++) {
            LocalDate on = from.plusDays((long) (changes.nextDouble() * (ChronoUnit.DAYS.between(from, latest) + 1)));
            int step = MIN_HOURS_STEP + changes.nextInt(MAX_HOURS_STEP - MIN_HOURS_STEP + 1);
            int up = hours + step;
            int down = hours - step;
            hours = up > MAX_HOURS ? down : down < MIN_HOURS || changes.nextBoolean() ? up : down;
            wage = changes.nextInt(3) == 0 ? wage + 5 * (WAGE_RAISE_MIN / 5 + changes.nextInt(WAGE_RAISE_STEPS)) : wage;
            drawn.add(new Plan.Change(on, hours, wage));
            from = on.plusDays(1);
        }
        return new Plan.Placement(placement.vacancy(), placement.startedOn(), placement.contractType(), placement.endedOn(),
                placement.endReason(), placement.relocatedOn(), placement.relocatedTo(), List.copyOf(drawn));
    }

    private Plan.Participant withPlacement(Plan.Participant p, Plan.Placement placement) {
        return new Plan.Participant(p.index(), p.location(), p.registeredOn(), p.asylumApplicationDate(), p.wDocumentType(),
                p.wDocumentValidUntil(), p.dateOfBirth(), p.nationality(), p.vNumber(), p.fullName(), p.languages(), p.intakeOn(),
                p.sectorPreferences(), p.activities(), p.residencePermitOn(), p.twvs(), placement);
    }

    // ---- drawing helpers

    private int vacancyOpenOn(LocalDate on, int otherThan) {
        List<Plan.Vacancy> open = vacancies.stream()
                .filter(v -> !v.openedOn().isAfter(on) && v.index() != otherThan)
                .toList();
        if (open.isEmpty()) {
            throw new IllegalArgumentException("no vacancy is open on " + on + ": register employers earlier in the scenario");
        }
        return pick(open).index();
    }

    private String refusalReason() {
        Map<String, Integer> weights = new TreeMap<>(scenario.twv().refusalReasons());
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int draw = random.nextInt(total);
        for (Map.Entry<String, Integer> reason : weights.entrySet()) {
            draw -= reason.getValue();
            if (draw < 0) {
                return reason.getKey();
            }
        }
        throw new IllegalStateException("unreachable: weights add up to " + total);
    }

    private Scenario.Nationality nationality() {
        int total = scenario.nationalities().stream().mapToInt(Scenario.Nationality::weight).sum();
        int draw = random.nextInt(total);
        for (Scenario.Nationality nationality : scenario.nationalities()) {
            draw -= nationality.weight();
            if (draw < 0) {
                return nationality;
            }
        }
        throw new IllegalStateException("unreachable: weights add up to " + total);
    }

    /** A number of this many digits, unique in the plan and (through the seed) between scenarios, for a KvK or V-number. */
    private String identifier(String kind, int digits) {
        long bound = (long) Math.pow(10, digits - 1);
        while (true) {
            String candidate = String.valueOf(bound + Math.floorMod(random.nextLong(), 9 * bound));
            if (identifiers.add(kind + candidate)) {
                return candidate;
            }
        }
    }

    private List<Integer> shuffled(int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private long between(long min, long max) {
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    private LocalDate between(LocalDate from, LocalDate until) {
        return from.plusDays(between(0, ChronoUnit.DAYS.between(from, until)));
    }

    private static LocalDate fitBefore(LocalDate date, LocalDate latest) {
        return date.isAfter(latest) ? latest : date;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
