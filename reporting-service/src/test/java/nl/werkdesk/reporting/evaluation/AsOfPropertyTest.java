package nl.werkdesk.reporting.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent.CandidateMetEmployer;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementChanged;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureBooked;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureCorrected;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Api;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.PilotScenario;
import org.junit.jupiter.api.Test;

/**
 * "As of" is exact: for random cohorts (seeded, so a failure can be replayed), every evaluation figure as of a date D
 * equals the figure a plain reference implementation, written here from domain.md's definitions, computes from only the
 * events dated on or before D. The service gets every event, including those after D.
 */
@QuarkusTest
class AsOfPropertyTest {

    static final long[] SEEDS = {20251016L, 7L};
    static final int PARTICIPANTS = 24;
    static final int DATES_PER_COHORT = 5;
    static final LocalDate FIRST = LocalDate.parse("2025-02-01");
    static final LocalDate LAST = LocalDate.parse("2025-11-30");
    static final MathContext EXACT = new MathContext(60);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void everyFigureAsOfADateEqualsTheFigureOfTheEventsUpToThatDate() throws Exception {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            PilotScenario place = new PilotScenario();
            List<IntegrationEvent> events = new Cohort(random, place).events();
            Events.publishAndAwait(events.toArray(IntegrationEvent[]::new));
            List<LocalDate> dates = new ArrayList<>(List.of(LAST));
            for (int i = 1; i < DATES_PER_COHORT; i++) {
                dates.add(FIRST.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(FIRST, LAST))));
            }
            for (LocalDate asOf : dates) {
                Reference reference = new Reference(events.stream().filter(e -> !e.occurredOn().isAfter(asOf)).toList(), asOf);
                for (String figure : Api.EVALUATION_FIGURES) {
                    JsonNode shown = JSON.readTree(Api.as(Roles.FINANCE).queryParam("location", place.location).queryParam("asOf", asOf.toString())
                            .get(Api.EVALUATION + "/" + figure).then().statusCode(200).extract().asString());
                    Map<String, Object> expected = reference.figure(figure);
                    assertTrue(expected.size() > 5, figure);
                    expected.forEach((path, value) -> assertSame(value, at(shown, path), "seed " + seed + ", as of " + asOf + ", " + figure + " " + path));
                }
            }
        }
    }

    /**
     * The monthly series, which counts each month in one pass over the days, gives at each month's end exactly what the
     * summary (counted directly from the facts) gives as of that day: enrolled, placed and active placements.
     */
    @Test
    void monthlyFiguresEqualTheSummaryAsOfEachMonthsEnd() throws Exception {
        for (long seed : SEEDS) {
            Random random = new Random(seed + 1);
            PilotScenario place = new PilotScenario();
            Events.publishAndAwait(new Cohort(random, place).events().toArray(IntegrationEvent[]::new));
            for (LocalDate asOf : List.of(LAST, FIRST.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(FIRST, LAST))))) {
                JsonNode months = figure(Api.METRICS + "/monthly", place.location, asOf).path("months");
                assertTrue(months.size() > 1, "seed " + seed + ", as of " + asOf + ": " + months);
                // And by location, which counts each participant's placements first: the summary's and the sectors' totals.
                JsonNode byLocation = figure(Api.METRICS + "/placements-by-location", place.location, asOf).path("total");
                JsonNode summary = figure(Api.METRICS + "/summary", place.location, asOf);
                String at = "seed " + seed + ", as of " + asOf + ", by location ";
                assertEquals(summary.path("enrolled").longValue(), byLocation.path("enrolled").longValue(), at + "enrolled");
                assertEquals(summary.path("participantsPlaced").longValue(), byLocation.path("participantsPlaced").longValue(), at + "placed");
                assertEquals(summary.path("activePlacements").longValue(), byLocation.path("activePlacements").longValue(), at + "active");
                assertEquals(figure(Api.METRICS + "/placements-by-sector", place.location, asOf).path("total").longValue(),
                        byLocation.path("placements").longValue(), at + "placements");
                for (JsonNode month : months) {
                    LocalDate end = java.time.YearMonth.parse(month.path("month").asText()).atEndOfMonth();
                    LocalDate through = end.isAfter(asOf) ? asOf : end;
                    JsonNode atEnd = figure(Api.METRICS + "/summary", place.location, through);
                    String where = "seed " + seed + ", as of " + asOf + ", " + month.path("month").asText();
                    assertEquals(atEnd.path("enrolled").longValue(), month.path("enrolled").longValue(), where + " enrolled");
                    assertEquals(atEnd.path("participantsPlaced").longValue(), month.path("participantsPlaced").longValue(), where + " placed");
                    assertEquals(atEnd.path("activePlacements").longValue(), month.path("activePlacements").longValue(), where + " active");
                }
            }
        }
    }

    private static JsonNode figure(String path, String location, LocalDate asOf) throws Exception {
        return JSON.readTree(Api.as(Roles.FINANCE).queryParam("location", location).queryParam("asOf", asOf.toString()).get(path)
                .then().statusCode(200).extract().asString());
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = part.matches("\\d+") ? current.path(Integer.parseInt(part)) : current.path(part);
        }
        return current;
    }

    private static void assertSame(Object expected, JsonNode actual, String where) {
        if (expected == null) {
            assertTrue(actual.isNull() || actual.isMissingNode(), where + ": expected null or nothing, shown " + actual);
        } else if (expected instanceof BigDecimal decimal) {
            assertTrue(actual.isNumber() && actual.decimalValue().compareTo(decimal) == 0, where + ": expected " + decimal + ", shown " + actual);
        } else if (expected instanceof Number number) {
            assertTrue(actual.isIntegralNumber(), where + ": expected " + number + ", shown " + actual);
            assertEquals(number.longValue(), actual.longValue(), where);
        } else {
            assertEquals(expected.toString(), actual.asText(), where);
        }
    }

    /** A random cohort at one location: participants with intakes, activities, leaving, TWVs, placements with changes, money. */
    private static final class Cohort {
        final Random random;
        final PilotScenario place;
        final List<IntegrationEvent> events = new ArrayList<>();
        final UUID employer = UUID.randomUUID();
        final UUID vacancy = UUID.randomUUID();

        Cohort(Random random, PilotScenario place) {
            this.random = random;
            this.place = place;
        }

        List<IntegrationEvent> events() {
            for (int i = 0; i < PARTICIPANTS; i++) {
                participant();
            }
            UUID ledger = UUID.randomUUID();
            for (int i = 0; i < 6; i++) {
                UUID booking = UUID.randomUUID();
                LocalDate booked = day(FIRST, LAST);
                long amount = 10_000 + random.nextInt(500_000);
                events.add(new ExpenditureBooked(ledger, booking, ExpenditureCategory.TRAINING, amount, place.location, booked));
                if (random.nextBoolean()) {
                    events.add(new ExpenditureCorrected(ledger, UUID.randomUUID(), booking, -random.nextInt((int) amount), day(booked, LAST)));
                }
            }
            return events;
        }

        void participant() {
            UUID id = UUID.randomUUID();
            LocalDate registered = day(FIRST, LAST.minusDays(40));
            events.add(place.registered(id, registered.toString()));
            if (random.nextInt(5) == 0) {
                return;
            }
            LocalDate intake = day(registered, registered.plusDays(20));
            events.add(new IntakeCompleted(id, intake, Set.of(Sector.HORECA), LanguageLevel.A1, LanguageLevel.A1, List.of()));
            for (int i = random.nextInt(4); i > 0; i--) {
                LocalDate on = day(intake, intake.plusDays(120));
                switch (random.nextInt(4)) {
                    case 0 -> events.add(new ActivityCompleted(id, ActivityType.APPLICATION_TRAINING, on));
                    case 1 -> events.add(new ActivityCompleted(id, ActivityType.CV_HELP, on));
                    case 2 -> events.add(new ActivityCompleted(id, ActivityType.JOB_FAIR, on));
                    default -> events.add(new CandidateMetEmployer(UUID.randomUUID(), id, employer, on));
                }
            }
            LocalDate placementFrom = intake.plusDays(random.nextInt(10) - 5);
            for (int i = random.nextInt(3); i > 0; i--) {
                UUID permit = UUID.randomUUID();
                LocalDate requested = day(intake, intake.plusDays(150));
                boolean intermediary = random.nextBoolean();
                events.add(new TwvRequested(permit, id, employer, vacancy, 1_500, 32, requested.plusDays(30), requested, intermediary));
                LocalDate decided = day(requested, requested.plusDays(60));
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        events.add(new TwvGranted(permit, id, employer, vacancy, decided, decided, LAST.plusYears(1)));
                        if (random.nextBoolean()) {
                            placement(id, permit, day(decided, decided.plusDays(20)));
                        }
                    }
                    case 2 -> events.add(new TwvRefused(permit, id, decided, RefusalReason.OTHER));
                    case 3 -> events.add(new TwvWithdrawn(permit, id, decided));
                    default -> {
                        if (random.nextBoolean()) {
                            events.add(new TwvRequestDeclined(permit, id, requested, DeclineReason.NOT_YET_ELIGIBLE, decided));
                        }
                    }
                }
            }
            if (random.nextInt(3) == 0) {
                placement(id, null, day(placementFrom, placementFrom.plusDays(200)));
            }
            if (random.nextInt(4) == 0) {
                events.add(new ParticipantLeftPilot(id, LeaveReason.values()[random.nextInt(LeaveReason.values().length)],
                        day(intake, intake.plusDays(200))));
            }
        }

        void placement(UUID participant, UUID permit, LocalDate start) {
            UUID id = UUID.randomUUID();
            events.add(new PlacementStarted(id, participant, employer, vacancy, permit, Sector.CLEANING, place.location, start,
                    12 + random.nextInt(29), 1_440 + random.nextInt(600), ContractType.FIXED_TERM));
            LocalDate last = start;
            for (int i = random.nextInt(3); i > 0; i--) {
                last = day(last, last.plusDays(90));
                events.add(new PlacementChanged(id, participant, last, 12 + random.nextInt(29), 1_440 + random.nextInt(600)));
            }
            if (random.nextBoolean()) {
                events.add(new PlacementEnded(id, participant, day(last, last.plusDays(200)),
                        EndReason.values()[random.nextInt(EndReason.values().length)]));
            }
        }

        LocalDate day(LocalDate from, LocalDate until) {
            return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, until) + 1));
        }
    }

    /** The figures from scratch, the plain way: a fold of the events up to asOf, then each definition, day by day where it says so. */
    private static final class Reference {
        final LocalDate asOf;
        final Map<UUID, LocalDate> registered = new LinkedHashMap<>();
        final Map<UUID, LocalDate> intake = new HashMap<>();
        final Map<UUID, LocalDate> left = new HashMap<>();
        final Map<UUID, Map<String, LocalDate>> firstOfKind = new HashMap<>();
        final Map<UUID, TwvRequested> requests = new LinkedHashMap<>();
        final Map<UUID, String> closedAs = new HashMap<>();
        final Map<UUID, LocalDate> closedOn = new HashMap<>();
        final Map<UUID, PlacementStarted> placements = new LinkedHashMap<>();
        final Map<UUID, List<PlacementChanged>> changes = new HashMap<>();
        final Map<UUID, PlacementEnded> ends = new HashMap<>();
        final List<LocalDate> bookingDates = new ArrayList<>();
        final List<long[]> money = new ArrayList<>();
        final List<LocalDate> moneyDates = new ArrayList<>();

        Reference(List<IntegrationEvent> events, LocalDate asOf) {
            this.asOf = asOf;
            for (IntegrationEvent event : events) {
                if (event instanceof ParticipantRegistered r) {
                    registered.put(r.participantId(), r.registeredOn());
                } else if (event instanceof IntakeCompleted i) {
                    intake.put(i.participantId(), i.completedOn());
                } else if (event instanceof ActivityCompleted a) {
                    first(a.participantId(), a.activity().name(), a.completedOn());
                } else if (event instanceof CandidateMetEmployer m) {
                    first(m.participantId(), ActivityType.JOB_FAIR.name(), m.metOn());
                } else if (event instanceof ParticipantLeftPilot l) {
                    left.put(l.participantId(), l.leftOn());
                } else if (event instanceof TwvRequested t) {
                    requests.put(t.permitId(), t);
                } else if (event instanceof TwvGranted g) {
                    close(g.permitId(), "granted", g.grantedOn());
                } else if (event instanceof TwvRefused r) {
                    close(r.permitId(), "refused", r.refusedOn());
                } else if (event instanceof TwvWithdrawn w) {
                    close(w.permitId(), "withdrawn", w.withdrawnOn());
                } else if (event instanceof TwvRequestDeclined d) {
                    close(d.permitId(), "declined", d.declinedOn());
                } else if (event instanceof PlacementStarted s) {
                    placements.put(s.placementId(), s);
                } else if (event instanceof PlacementChanged c) {
                    changes.computeIfAbsent(c.placementId(), id -> new ArrayList<>()).add(c);
                } else if (event instanceof PlacementEnded e) {
                    ends.put(e.placementId(), e);
                } else if (event instanceof ExpenditureBooked b) {
                    bookingDates.add(b.bookedOn());
                    money.add(new long[] {b.amountCents()});
                    moneyDates.add(b.bookedOn());
                } else if (event instanceof ExpenditureCorrected c) {
                    money.add(new long[] {c.amountCents()});
                    moneyDates.add(c.correctedOn());
                }
            }
        }

        void first(UUID participant, String kind, LocalDate on) {
            firstOfKind.computeIfAbsent(participant, id -> new HashMap<>()).merge(kind, on, (a, b) -> a.isBefore(b) ? a : b);
        }

        void close(UUID permit, String as, LocalDate on) {
            closedAs.put(permit, as);
            closedOn.put(permit, on);
        }

        /** granted, refused or withdrawn by asOf, else pending (declined included): domain.md's four outcomes. */
        String outcomeOf(TwvRequested request) {
            String as = closedAs.get(request.permitId());
            return as != null && Set.of("granted", "refused", "withdrawn").contains(as) ? as : "pending";
        }

        Map<String, Object> figure(String name) {
            return switch (name) {
                case "time-to-first-placement" -> timeToFirstPlacement();
                case "placement-retention" -> retention();
                case "activities" -> activities();
                case "twv-burden" -> twvBurden();
                case "earnings" -> earnings();
                case "spend" -> spend();
                default -> throw new IllegalArgumentException("no reference for the figure " + name);
            };
        }

        /** The first placement start of a registered participant; null if none. */
        LocalDate firstPlacement(UUID participant) {
            return placements.values().stream().filter(p -> p.participantId().equals(participant)).map(PlacementStarted::startedOn)
                    .min(Comparator.naturalOrder()).orElse(null);
        }

        List<UUID> withIntake() {
            return registered.keySet().stream().filter(intake::containsKey).toList();
        }

        Map<String, Object> timeToFirstPlacement() {
            List<long[]> times = new ArrayList<>();
            for (UUID p : withIntake()) {
                LocalDate placed = firstPlacement(p);
                LocalDate end = placed != null ? placed : left.getOrDefault(p, asOf);
                times.add(new long[] {Math.max(0, days(intake.get(p), end)), placed != null ? 1 : 0});
            }
            Map<String, Object> figure = kaplanMeier(times, false, new int[] {90, 180}, new String[] {"placedWithin90Days", "placedWithin180Days"});
            figure.put("participants", (long) times.size());
            figure.put("placed", times.stream().filter(t -> t[1] == 1).count());
            figure.put("placedSoFar.share", share(times.stream().filter(t -> t[1] == 1).count(), times.size()));
            return figure;
        }

        Map<String, Object> retention() {
            List<long[]> times = new ArrayList<>();
            for (PlacementStarted p : placements.values()) {
                if (!registered.containsKey(p.participantId())) {
                    continue;
                }
                PlacementEnded end = ends.get(p.placementId());
                times.add(end != null ? new long[] {days(p.startedOn(), end.endedOn()), 1} : new long[] {days(p.startedOn(), asOf), 0});
            }
            Map<String, Object> figure = kaplanMeier(times, true, new int[] {28, 91, 182},
                    new String[] {"retainedAt4Weeks", "retainedAt13Weeks", "retainedAt26Weeks"});
            figure.put("placements", (long) times.size());
            figure.put("ended", times.stream().filter(t -> t[1] == 1).count());
            return figure;
        }

        /** Steps, and S (or 1 - S) read at the days, by the textbook. */
        Map<String, Object> kaplanMeier(List<long[]> times, boolean survival, int[] readAt, String[] names) {
            Map<String, Object> figure = new LinkedHashMap<>();
            TreeMap<Long, long[]> byDay = new TreeMap<>();
            times.forEach(t -> byDay.computeIfAbsent(t[0], d -> new long[2])[t[1] == 1 ? 0 : 1]++);
            BigDecimal s = BigDecimal.ONE;
            int index = 0;
            Map<Long, BigDecimal> after = new TreeMap<>();
            Integer median = null;
            for (var day : byDay.entrySet()) {
                long n = times.stream().filter(t -> t[0] >= day.getKey()).count();
                long d = day.getValue()[0];
                s = s.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(d).divide(BigDecimal.valueOf(n), EXACT)), EXACT);
                after.put(day.getKey(), s);
                if (median == null && d > 0 && s.compareTo(new BigDecimal("0.5")) <= 0) {
                    median = day.getKey().intValue();
                }
                figure.put("steps." + index + ".day", day.getKey());
                figure.put("steps." + index + ".atRisk", n);
                figure.put("steps." + index + ".events", d);
                figure.put("steps." + index + ".censored", day.getValue()[1]);
                figure.put("steps." + index + ".survival", s.setScale(4, RoundingMode.HALF_UP));
                index++;
            }
            figure.put("steps." + index + ".day", null);
            if (!survival) {
                figure.put("medianDays", median == null ? null : (long) median);
            }
            long longest = byDay.isEmpty() ? -1 : byDay.lastKey();
            for (int i = 0; i < readAt.length; i++) {
                int at = readAt[i];
                BigDecimal value = null;
                if (at <= longest) {
                    BigDecimal read = BigDecimal.ONE;
                    for (var step : after.entrySet()) {
                        if (step.getKey() <= at) {
                            read = step.getValue();
                        }
                    }
                    value = (survival ? read : BigDecimal.ONE.subtract(read)).setScale(4, RoundingMode.HALF_UP);
                }
                figure.put(names[i] + ".value", value);
                figure.put(names[i] + ".events", times.stream().filter(t -> t[1] == 1 && t[0] <= at).count());
                figure.put(names[i] + ".censored", times.stream().filter(t -> t[1] == 0 && t[0] <= at).count());
            }
            return figure;
        }

        Map<String, Object> activities() {
            String[] kinds = {"APPLICATION_TRAINING", "CV_HELP", "JOB_FAIR"};
            long[][] groups = new long[5][2];
            for (UUID p : withIntake()) {
                LocalDate placed = firstPlacement(p);
                LocalDate cutOff = placed != null ? placed : asOf;
                boolean any = false;
                for (int k = 0; k < kinds.length; k++) {
                    LocalDate on = firstOfKind.getOrDefault(p, Map.of()).get(kinds[k]);
                    if (on != null && !on.isAfter(cutOff)) {
                        any = true;
                        groups[k][0]++;
                        groups[k][1] += placed != null ? 1 : 0;
                    }
                }
                int group = any ? 3 : 4;
                groups[group][0]++;
                groups[group][1] += placed != null ? 1 : 0;
            }
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("participants", (long) withIntake().size());
            for (int g = 0; g < 5; g++) {
                long n = groups[g][0];
                long x = groups[g][1];
                figure.put("groups." + g + ".participants", n);
                figure.put("groups." + g + ".placed", x);
                figure.put("groups." + g + ".rate", share(x, n));
                if (n > 0) {
                    double p = (double) x / n;
                    double z = 1.96;
                    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
                    double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
                    figure.put("groups." + g + ".intervalLower", BigDecimal.valueOf(Math.max(0, centre - half)).setScale(4, RoundingMode.HALF_UP));
                    figure.put("groups." + g + ".intervalUpper", BigDecimal.valueOf(Math.min(1, centre + half)).setScale(4, RoundingMode.HALF_UP));
                }
            }
            return figure;
        }

        Map<String, Object> twvBurden() {
            List<TwvRequested> inScope = requests.values().stream().filter(t -> registered.containsKey(t.participantId())).toList();
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("requests", (long) inScope.size());
            List<String> outcomes = List.of("granted", "refused", "withdrawn", "pending");
            for (int o = 0; o < outcomes.size(); o++) {
                String outcome = outcomes.get(o);
                figure.put("outcomes." + o + ".requests", inScope.stream().filter(t -> outcomeOf(t).equals(outcome)).count());
            }
            List<String> closures = List.of("declined", "no-longer-required", "ended-with-reception");
            for (int c = 0; c < closures.size(); c++) {
                String closure = closures.get(c);
                figure.put("pendingClosedWithoutDecision." + c + ".requests",
                        inScope.stream().filter(t -> closure.equals(closedAs.get(t.permitId()))).count());
            }
            for (String split : List.of("leadTime", "leadTimeWithIntermediary", "leadTimeWithoutIntermediary")) {
                List<Long> leads = new ArrayList<>();
                for (TwvRequested t : inScope) {
                    String as = closedAs.get(t.permitId());
                    boolean member = split.equals("leadTime") || (split.equals("leadTimeWithIntermediary") == t.viaIntermediary());
                    if (member && ("granted".equals(as) || "refused".equals(as))) {
                        leads.add((long) days(t.requestedOn(), closedOn.get(t.permitId())));
                    }
                }
                leads.sort(Comparator.naturalOrder());
                figure.put(split + ".decisions", (long) leads.size());
                figure.put(split + ".medianDays", median(leads));
                figure.put(split + ".p90Days", leads.isEmpty() ? null : leads.get((int) Math.ceil(0.9 * leads.size()) - 1));
                long late = leads.stream().filter(l -> l > 35).count();
                figure.put(split + ".decidedAfter35Days", late);
                figure.put(split + ".shareDecidedAfter35Days", share(late, leads.size()));
            }
            TreeMap<Long, long[]> weeks = new TreeMap<>();
            for (TwvRequested t : inScope) {
                String as = closedAs.get(t.permitId());
                if ("granted".equals(as) || "refused".equals(as)) {
                    weeks.computeIfAbsent(days(t.requestedOn(), closedOn.get(t.permitId())) / 7L, w -> new long[2])[t.viaIntermediary() ? 0 : 1]++;
                }
            }
            long week = 0;
            for (; !weeks.isEmpty() && week <= weeks.lastKey(); week++) {
                long[] counts = weeks.getOrDefault(week, new long[2]);
                figure.put("leadTimeByWeek." + week + ".fromDays", week * 7);
                figure.put("leadTimeByWeek." + week + ".withIntermediary", counts[0]);
                figure.put("leadTimeByWeek." + week + ".withoutIntermediary", counts[1]);
            }
            figure.put("leadTimeByWeek." + week + ".fromDays", null);
            List<Long> waits = new ArrayList<>();
            BigDecimal notEarned = BigDecimal.ZERO;
            for (PlacementStarted p : placements.values()) {
                if (registered.containsKey(p.participantId()) && p.permitId() != null && requests.containsKey(p.permitId())) {
                    long waited = days(requests.get(p.permitId()).requestedOn(), p.startedOn());
                    waits.add(waited);
                    long[] terms = termsOn(p, p.startedOn());
                    notEarned = notEarned.add(BigDecimal.valueOf(waited * terms[0] * terms[1]).divide(BigDecimal.valueOf(7), EXACT));
                }
            }
            waits.sort(Comparator.naturalOrder());
            figure.put("waitingBeforeWork.placements", (long) waits.size());
            figure.put("waitingBeforeWork.totalDays", waits.stream().mapToLong(Long::longValue).sum());
            figure.put("waitingBeforeWork.medianDays", median(waits));
            figure.put("wagesNotEarnedWhileWaitingCents", notEarned.setScale(0, RoundingMode.HALF_UP).longValueExact());
            Set<UUID> refusedOrWithdrawn = new java.util.HashSet<>();
            inScope.stream().filter(t -> Set.of("refused", "withdrawn").contains(closedAs.getOrDefault(t.permitId(), "pending")))
                    .forEach(t -> refusedOrWithdrawn.add(t.participantId()));
            long notPlaced = refusedOrWithdrawn.stream().filter(p -> firstPlacement(p) == null).count();
            figure.put("notPlacedAfterRefusalOrWithdrawal.count", notPlaced);
            figure.put("notPlacedAfterRefusalOrWithdrawal.of", (long) refusedOrWithdrawn.size());
            return figure;
        }

        /** Hours and wage in force on a day: the start's, then each change from its date, the later of two on one day. */
        long[] termsOn(PlacementStarted p, LocalDate day) {
            long[] terms = {p.hoursPerWeek(), p.hourlyWageCents()};
            for (PlacementChanged change : changes.getOrDefault(p.placementId(), List.of())) {
                if (!change.changedOn().isAfter(day)) {
                    terms = new long[] {change.hoursPerWeek(), change.hourlyWageCents()};
                }
            }
            return terms;
        }

        Map<String, Object> earnings() {
            Map<String, Object> figure = new LinkedHashMap<>();
            List<PlacementStarted> inScope = placements.values().stream().filter(p -> registered.containsKey(p.participantId())).toList();
            long wages = wagesThrough(inScope, asOf);
            long hours = 0;
            long days = 0;
            for (PlacementStarted p : inScope) {
                for (LocalDate day = p.startedOn(); worked(p, day, asOf); day = day.plusDays(1)) {
                    hours += termsOn(p, day)[0];
                    days++;
                }
            }
            long spend = spendThrough(asOf);
            figure.put("placements", (long) inScope.size());
            figure.put("daysInWork", days);
            figure.put("hoursWorked", BigDecimal.valueOf(hours).divide(BigDecimal.valueOf(7), 2, RoundingMode.HALF_UP));
            figure.put("grossWagesCents", BigDecimal.valueOf(wages).divide(BigDecimal.valueOf(7), 0, RoundingMode.HALF_UP).longValueExact());
            figure.put("spendToDateCents", spend);
            figure.put("wagesPerEuroSpent", spend == 0 ? null : BigDecimal.valueOf(wages).divide(BigDecimal.valueOf(7 * spend), 4, RoundingMode.HALF_UP));
            figure.put("wagesPerEuroSpentAbsentReason", spend == 0 ? "no-expenditure-attributed" : null);
            LocalDate first = registered.values().stream().min(Comparator.naturalOrder()).orElse(null);
            for (LocalDate booked : bookingDates) {
                first = first == null || booked.isBefore(first) ? booked : first;
            }
            int index = 0;
            if (first != null) {
                for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(asOf)); month = month.plusMonths(1), index++) {
                    LocalDate through = month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth();
                    figure.put("months." + index + ".month", month.toString());
                    figure.put("months." + index + ".cumulativeWagesCents",
                            BigDecimal.valueOf(wagesThrough(inScope, through)).divide(BigDecimal.valueOf(7), 0, RoundingMode.HALF_UP).longValueExact());
                    figure.put("months." + index + ".cumulativeSpendCents", spendThrough(through));
                }
            }
            figure.put("months." + index + ".month", null);
            return figure;
        }

        /** The cohort books training only, at its location: no budget there, every other category nothing. */
        Map<String, Object> spend() {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("budgetCents", null);
            figure.put("budgetAbsentReason", "programme-wide");
            figure.put("spendToDateCents", spendThrough(asOf));
            byCategory(figure, "byCategory.", spendThrough(asOf));
            LocalDate first = registered.values().stream().min(Comparator.naturalOrder()).orElse(null);
            for (LocalDate booked : bookingDates) {
                first = first == null || booked.isBefore(first) ? booked : first;
            }
            int index = 0;
            if (first != null) {
                for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(asOf)); month = month.plusMonths(1), index++) {
                    LocalDate through = month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth();
                    figure.put("months." + index + ".month", month.toString());
                    figure.put("months." + index + ".through", through.toString());
                    figure.put("months." + index + ".budgetCents", null);
                    figure.put("months." + index + ".spendCents", spendThrough(through));
                    byCategory(figure, "months." + index + ".byCategory.", spendThrough(through));
                }
            }
            figure.put("months." + index + ".month", null);
            return figure;
        }

        private static void byCategory(Map<String, Object> figure, String prefix, long training) {
            for (ExpenditureCategory category : ExpenditureCategory.values()) {
                figure.put(prefix + category.ordinal() + ".category", category.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                figure.put(prefix + category.ordinal() + ".spendCents", category == ExpenditureCategory.TRAINING ? training : 0L);
            }
        }

        /** In work on the day: started, before the end (the first day out) and on or before the last day counted. */
        boolean worked(PlacementStarted p, LocalDate day, LocalDate through) {
            PlacementEnded end = ends.get(p.placementId());
            return !day.isAfter(through) && (end == null || day.isBefore(end.endedOn()));
        }

        long wagesThrough(List<PlacementStarted> inScope, LocalDate through) {
            long sum = 0;
            for (PlacementStarted p : inScope) {
                for (LocalDate day = p.startedOn(); worked(p, day, through); day = day.plusDays(1)) {
                    long[] terms = termsOn(p, day);
                    sum += terms[0] * terms[1];
                }
            }
            return sum;
        }

        long spendThrough(LocalDate day) {
            long sum = 0;
            for (int i = 0; i < money.size(); i++) {
                if (!moneyDates.get(i).isAfter(day)) {
                    sum += money.get(i)[0];
                }
            }
            return sum;
        }

        static BigDecimal share(long count, long of) {
            return of == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
        }

        static BigDecimal median(List<Long> sorted) {
            if (sorted.isEmpty()) {
                return null;
            }
            int middle = sorted.size() / 2;
            double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
            return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
        }

        static int days(LocalDate from, LocalDate to) {
            return (int) ChronoUnit.DAYS.between(from, to);
        }
    }
}
