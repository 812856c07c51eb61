package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.Api.EVALUATION;
import static nl.werkdesk.reporting.Api.evaluation;
import static nl.werkdesk.reporting.Api.metric;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Api;
import nl.werkdesk.reporting.EvaluationCohort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every evaluation figure of {@link EvaluationCohort}, fed through the real broker, against numbers worked out by hand
 * from its events (the working is in the comments).
 */
@QuarkusTest
class EvaluationFiguresTest {

    static EvaluationCohort cohort;

    @BeforeEach
    void publishTheCohortOnce() {
        synchronized (EvaluationFiguresTest.class) {
            if (cohort == null) {
                cohort = new EvaluationCohort().publish();
            }
        }
    }

    private static Map<String, String> at(String asOf) {
        return Map.of("location", cohort.location, "asOf", asOf);
    }

    @Test
    void estimatesTimeToFirstPlacementCensoringAtLeavingAndAtAsOf() {
        // Intake to first placement: B 0 (placed on the intake day), A 35 (its first of two placements), E 92, G 165 (erased:
        // still counted); C left on day 35, the day A was placed (the event counts first); D and F censored at asOf, day 200.
        JsonPath figure = evaluation(Roles.FINANCE, "time-to-first-placement", at("2025-10-31"));
        assertEquals(7, figure.getInt("participants"), "H had no intake");
        assertEquals(4, figure.getInt("placed"));
        assertEquals(1, figure.getInt("censoredAtLeaving"));
        assertEquals(2, figure.getInt("censoredAtAsOf"));
        assertEquals(List.of(0, 35, 92, 165, 200), figure.getList("steps.day"));
        assertEquals(List.of(7, 6, 4, 3, 2), figure.getList("steps.atRisk"));
        assertEquals(List.of(1, 1, 1, 1, 0), figure.getList("steps.events"));
        assertEquals(List.of(0, 1, 0, 0, 2), figure.getList("steps.censored"));
        // 6/7, 6/7 x 5/6 = 5/7, 5/7 x 3/4 = 15/28, 15/28 x 2/3 = 5/14, unchanged by censorings
        assertEquals(List.of(0.8571f, 0.7143f, 0.5357f, 0.3571f, 0.3571f), figure.getList("steps.survival"));
        assertEquals(165, figure.getInt("medianDays"), "the first S(t) <= 0.5");
        assertEquals(0.2857f, figure.getFloat("placedWithin90Days.value"), "1 - 5/7");
        assertEquals(2, figure.getInt("placedWithin90Days.events"));
        assertEquals(1, figure.getInt("placedWithin90Days.censored"));
        assertEquals(7, figure.getInt("placedWithin90Days.observed"));
        assertEquals(0.6429f, figure.getFloat("placedWithin180Days.value"), "1 - 5/14");
        assertEquals(0.5714f, figure.getFloat("placedSoFar.share"));
        assertEquals(4, figure.getInt("placedSoFar.count"));
        assertEquals(7, figure.getInt("placedSoFar.of"));
        assertEquals(1, figure.getInt("leftBeforePlacement.find { it.reason == 'departed' }.participants"));

        // As of 30 April: A placed (35), B (0); C left (35); D and F censored at asOf (16), E and G (41).
        JsonPath april = evaluation(Roles.FINANCE, "time-to-first-placement", at("2025-04-30"));
        assertEquals(List.of(0, 16, 35, 41), april.getList("steps.day"));
        assertEquals(List.of(7, 6, 4, 2), april.getList("steps.atRisk"));
        assertEquals(List.of(0.8571f, 0.8571f, 0.6429f, 0.6429f), april.getList("steps.survival"), "6/7 x 3/4 = 9/14");
        assertNull(april.get("medianDays"));
        assertNull(april.get("placedWithin90Days.value"), "day 90 lies beyond the longest observed time, 41");
    }

    @Test
    void suppressesTheDailyCountsForAnalystsButShowsTheCurve() {
        JsonPath figure = evaluation(Roles.ANALYST, "time-to-first-placement", at("2025-10-31"));
        assertEquals(List.of(7, 6, "<5", "<5", "<5"), figure.getList("steps.atRisk"));
        assertEquals(List.of("<5", "<5", "<5", "<5", 0), figure.getList("steps.events"));
        assertEquals(List.of(0.8571f, 0.7143f, 0.5357f, 0.3571f, 0.3571f), figure.getList("steps.survival"));
        assertEquals(7, figure.getInt("participants"));
        assertEquals("<5", figure.getString("leftBeforePlacement.find { it.reason == 'departed' }.participants"));
    }

    @Test
    void estimatesRetentionWithAPlacementEndingExactlyAtTwentySixWeeks() {
        // A1 182 days (ended), B1 50 (ended); censored at asOf: A2 11, G1 60, E1 133.
        JsonPath figure = evaluation(Roles.FINANCE, "placement-retention", at("2025-10-31"));
        assertEquals(5, figure.getInt("placements"));
        assertEquals(2, figure.getInt("ended"));
        assertEquals(3, figure.getInt("censored"));
        assertEquals(List.of(11, 50, 60, 133, 182), figure.getList("steps.day"));
        assertEquals(List.of(5, 4, 3, 2, 1), figure.getList("steps.atRisk"));
        assertEquals(List.of(1.0f, 0.75f, 0.75f, 0.75f, 0.0f), figure.getList("steps.survival"));
        assertEquals(1.0f, figure.getFloat("retainedAt4Weeks.value"));
        assertEquals(0.75f, figure.getFloat("retainedAt13Weeks.value"));
        assertEquals(0.0f, figure.getFloat("retainedAt26Weeks.value"), "A1 ended on day 182: not in work on day 182");
        assertEquals(2, figure.getInt("retainedAt26Weeks.events"));
        assertEquals(1, figure.getInt("endsByReason.find { it.reason == 'contract-ended' }.placements"));
        assertEquals(1, figure.getInt("endsByReason.find { it.reason == 'quit' }.placements"));
        assertEquals(0, figure.getInt("endsByReason.find { it.reason == 'dismissed' }.placements"));

        // As of 10-12: G1 censored at 41, B1 ended at 50 (1 of 3 at risk), E1 censored at 114, A1 still running at 181.
        JsonPath before = evaluation(Roles.FINANCE, "placement-retention", at("2025-10-12"));
        assertNull(before.get("retainedAt26Weeks.value"), "the longest observed time is 181 days (A1 still running)");
        assertEquals(0.6667f, before.getFloat("retainedAt13Weeks.value"));
    }

    @Test
    void comparesActivityGroupsWithWilsonIntervals() {
        // Exposure by the cut-off: A training (CV help came after its placement), B job fair on its placement day, C CV help,
        // E job fair on its placement day, F training; D and G none.
        JsonPath figure = evaluation(Roles.FINANCE, "activities", at("2025-10-31"));
        assertEquals("association, not effect: participants choose their activities", figure.getString("interpretation"));
        assertEquals(7, figure.getInt("participants"));
        assertEquals(4, figure.getInt("placed"));
        assertEquals(List.of("application-training", "cv-help", "job-fair", "any-activity", "no-activity"), figure.getList("groups.group"));
        assertEquals(List.of(2, 1, 2, 5, 2), figure.getList("groups.participants"));
        assertEquals(List.of(1, 0, 2, 3, 1), figure.getList("groups.placed"));
        assertEquals(List.of(0.5f, 0.0f, 1.0f, 0.6f, 0.5f), figure.getList("groups.rate"));
        assertEquals(List.of(0.0945f, 0.0f, 0.3424f, 0.2307f, 0.0945f), figure.getList("groups.intervalLower"));
        assertEquals(List.of(0.9055f, 0.7935f, 1.0f, 0.8824f, 0.9055f), figure.getList("groups.intervalUpper"));

        JsonPath analyst = evaluation(Roles.ANALYST, "activities", at("2025-10-31"));
        assertEquals(List.of("<5", "<5", "<5", 5, "<5"), analyst.getList("groups.participants"));
        assertEquals(Map.of("group", "any-activity", "participants", 5, "placed", "<5"), withoutInterval(analyst.getMap("groups[3]")));
        assertNull(analyst.get("groups[3].rate"), "a rate would give the suppressed count away");
    }

    private static Map<String, Object> withoutInterval(Map<String, Object> group) {
        Map<String, Object> shown = new java.util.HashMap<>(group);
        assertNull(shown.remove("rate"));
        assertNull(shown.remove("intervalLower"));
        assertNull(shown.remove("intervalUpper"));
        return shown;
    }

    @Test
    void measuresTheTwvBurdenWithAndWithoutTheIntermediary() {
        JsonPath figure = evaluation(Roles.FINANCE, "twv-burden", at("2025-10-31"));
        assertEquals(7, figure.getInt("requests"));
        assertEquals(List.of("granted", "refused", "withdrawn", "pending"), figure.getList("outcomes.outcome"));
        assertEquals(List.of(3, 1, 1, 2), figure.getList("outcomes.requests"), "a declined request is pending: no decision, no withdrawal");
        assertEquals(List.of("declined", "no-longer-required", "ended-with-reception"), figure.getList("pendingClosedWithoutDecision.outcome"));
        assertEquals(List.of(1, 0, 0), figure.getList("pendingClosedWithoutDecision.requests"));
        // UWV's decisions: T1 21 (intermediary), T4 42, T2 49, T5 55.
        assertEquals(4, figure.getInt("leadTime.decisions"));
        assertEquals(45.5f, figure.getFloat("leadTime.medianDays"));
        assertEquals(55, figure.getInt("leadTime.p90Days"), "rank ceil(3.6) = 4");
        assertEquals(3, figure.getInt("leadTime.decidedAfter35Days"));
        assertEquals(0.75f, figure.getFloat("leadTime.shareDecidedAfter35Days"));
        assertEquals(1, figure.getInt("leadTimeWithIntermediary.decisions"));
        assertEquals(21.0f, figure.getFloat("leadTimeWithIntermediary.medianDays"));
        assertEquals(21, figure.getInt("leadTimeWithIntermediary.p90Days"));
        assertEquals(0.0f, figure.getFloat("leadTimeWithIntermediary.shareDecidedAfter35Days"));
        assertEquals(49.0f, figure.getFloat("leadTimeWithoutIntermediary.medianDays"));
        assertEquals(55, figure.getInt("leadTimeWithoutIntermediary.p90Days"), "rank ceil(2.7) = 3");
        assertEquals(1.0f, figure.getFloat("leadTimeWithoutIntermediary.shareDecidedAfter35Days"));
        assertEquals(List.of(0, 7, 14, 21, 28, 35, 42, 49), figure.getList("leadTimeByWeek.fromDays"));
        assertEquals(List.of(0, 0, 0, 1, 0, 0, 0, 0), figure.getList("leadTimeByWeek.withIntermediary"));
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 1, 2), figure.getList("leadTimeByWeek.withoutIntermediary"));
        // Waiting: A1 25 days (32 h at 15.00 at its start), E1 46 (36 h at 16.00), G1 62 (20 h at 15.00).
        assertEquals(3, figure.getInt("waitingBeforeWork.placements"));
        assertEquals(133, figure.getInt("waitingBeforeWork.totalDays"));
        assertEquals(46.0f, figure.getFloat("waitingBeforeWork.medianDays"));
        // (25 x 32 x 1500 + 46 x 36 x 1600 + 62 x 20 x 1500) / 7 = 5,709,600 / 7 = 815,657.14
        assertEquals(815_657, figure.getLong("wagesNotEarnedWhileWaitingCents"));
        // C refused and never placed; E withdrew one and was placed on another.
        assertEquals(1, figure.getInt("notPlacedAfterRefusalOrWithdrawal.count"));
        assertEquals(2, figure.getInt("notPlacedAfterRefusalOrWithdrawal.of"));
        assertEquals(0.5f, figure.getFloat("notPlacedAfterRefusalOrWithdrawal.share"));

        JsonPath analyst = evaluation(Roles.ANALYST, "twv-burden", at("2025-10-31"));
        assertEquals(4, analyst.getInt("leadTime.decisions"), "the total is exact");
        assertEquals("<5", analyst.getString("leadTimeWithIntermediary.decisions"));
        assertNull(analyst.get("leadTimeWithIntermediary.medianDays"));
        assertNull(analyst.get("leadTimeWithIntermediary.p90Days"));
    }

    @Test
    void countsEarningsDayByDayWithTheHoursInForceAndTheEndAsTheFirstDayOut() {
        // A1 49 days x 32 h + 133 x 24 h at 15.00 (ends 10-13, not worked); A2 5 days x 30 h at 14.50, then 7 x 30 h at 15.00
        // (of two changes on 10-25 the later is in force); B1 50 x 40 at 14.00, E1 134 x 36 at 16.00, G1 61 x 20 at 15.00:
        // 7,140,000 + 532,500 + 2,800,000 + 7,718,400 + 1,830,000 = 20,020,900 / 7 cents; hours (4760 + 360 + 2000 + 4824 + 1220) / 7.
        JsonPath figure = evaluation(Roles.FINANCE, "earnings", at("2025-10-31"));
        assertEquals(5, figure.getInt("placements"));
        assertEquals(439, figure.getInt("daysInWork"));
        assertEquals(2_860_129, figure.getLong("grossWagesCents"));
        assertEquals(1880.57f, figure.getFloat("hoursWorked"));
        assertEquals(400_000, figure.getLong("spendToDateCents"), "3000 - 1000 + 2000 at the location, not the programme's");
        assertEquals(7.1503f, figure.getFloat("wagesPerEuroSpent"), "20,020,900 / (7 x 400,000)");
        assertNull(figure.get("wagesPerEuroSpentAbsentReason"));
        assertEquals(List.of("2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10"),
                figure.getList("months.month"));
        assertEquals("2025-10-31", figure.getString("months[7].through"));
        assertEquals(160_000, figure.getLong("months[0].cumulativeWagesCents"), "B1 20 days x 40 x 1400 / 7");
        assertEquals(300_000, figure.getLong("months[0].cumulativeSpendCents"));
        assertEquals(2_334_400, figure.getLong("months[6].cumulativeWagesCents"), "16,340,800 / 7 by 30 September");
        assertEquals(500_000, figure.getLong("months[6].cumulativeSpendCents"), "before the reversal on 20 October");
        assertEquals(2_860_129, figure.getLong("months[7].cumulativeWagesCents"));
        assertEquals(400_000, figure.getLong("months[7].cumulativeSpendCents"));
    }

    @Test
    void givesSpendByCategoryOverTimeAsTheSummaryCountsItAndTheBudgetOnlyForTheProgramme() {
        // At the location: staff 3000.00 on 03-15, reversed by 1000.00 on 10-20; job fairs 2000.00 on 09-10. The programme-wide
        // booking does not count here, and a location has no budget.
        JsonPath figure = evaluation(Roles.ANALYST, "spend", at("2025-10-31"));
        assertNull(figure.get("budgetCents"));
        assertEquals("programme-wide", figure.getString("budgetAbsentReason"));
        assertEquals(400_000, figure.getLong("spendToDateCents"));
        assertEquals(List.of("werkdesk-staff", "training", "intermediary-fees", "job-fairs", "language-courses", "other"),
                figure.getList("byCategory.category"));
        assertEquals(List.of(200_000, 0, 0, 200_000, 0, 0), figure.getList("byCategory.spendCents"));
        assertEquals(List.of("2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10"),
                figure.getList("months.month"));
        assertEquals(List.of(300_000, 300_000, 300_000, 300_000, 300_000, 300_000, 500_000, 400_000), figure.getList("months.spendCents"));
        assertEquals(List.of(300_000, 0, 0, 200_000, 0, 0), figure.getList("months[6].byCategory.spendCents"));
        assertNull(figure.get("months[7].budgetCents"));
        assertEquals(evaluation(Roles.ANALYST, "earnings", at("2025-10-31")).getList("months.cumulativeSpendCents"),
                figure.getList("months.spendCents"), "as the earnings count it");

        Map<String, String> programme = Map.of("asOf", "2025-10-31");
        JsonPath all = evaluation(Roles.ANALYST, "spend", programme);
        JsonPath summary = metric(Roles.ANALYST, "summary", programme);
        assertEquals(summary.getLong("budgetCents"), all.getLong("budgetCents"));
        assertEquals(summary.getLong("spendToDateCents"), all.getLong("spendToDateCents"));
        assertEquals(all.getLong("budgetCents"), all.getLong("months[-1].budgetCents"));
        assertEquals(all.getLong("spendToDateCents"), all.getList("byCategory.spendCents", Long.class).stream().mapToLong(Long::longValue).sum(),
                "the categories add up");
    }

    @Test
    void givesNoBudgetOrRatioToMoneyAtALocationWhereNothingWasSpentAndSaysWhy() {
        JsonPath summary = metric(Roles.FINANCE, "summary", at("2025-10-31"));
        assertNull(summary.get("budgetCents"));
        assertEquals("programme-wide", summary.getString("budgetAbsentReason"));
        assertEquals(100_000, summary.getLong("costPerPlacementCents"), "400,000 / 4 placed");
        assertNull(summary.get("costPerPlacementAbsentReason"));

        Map<String, String> nothingSpent = Map.of("location", cohort.nothingSpent.location, "asOf", "2025-10-31");
        JsonPath there = metric(Roles.FINANCE, "summary", nothingSpent);
        assertEquals(1, there.getInt("participantsPlaced"));
        assertTrue(there.getMap("").containsKey("costPerPlacementCents"), "present, as null");
        assertNull(there.get("costPerPlacementCents"));
        assertEquals("no-expenditure-attributed", there.getString("costPerPlacementAbsentReason"));
        assertNull(there.get("budgetCents"));
        JsonPath earnings = evaluation(Roles.FINANCE, "earnings", nothingSpent);
        assertEquals(917_143, earnings.getLong("grossWagesCents"), "214 days x 20 h at 15.00 / 7 = 917,142.86");
        assertNull(earnings.get("wagesPerEuroSpent"));
        assertEquals("no-expenditure-attributed", earnings.getString("wagesPerEuroSpentAbsentReason"));

        JsonPath programme = metric(Roles.FINANCE, "summary", Map.of("asOf", "2025-10-31"));
        assertTrue(programme.getLong("budgetCents") >= 0);
        assertNull(programme.get("budgetAbsentReason"));
    }

    @Test
    void answersEveryFigureAsCsvAndNeverWithAParticipantId() {
        String csv = Api.as(Roles.ANALYST).accept("text/csv").queryParams(at("2025-10-31")).get(EVALUATION + "/twv-burden")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("werkdesk-twv-burden-2025-10-31.csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFFfigure;value\r\nrequests;7\r\n"), csv);
        assertTrue(csv.contains("\r\nwagesNotEarnedWhileWaitingCents;815657\r\n"), csv);
        assertTrue(csv.contains("\r\n\r\noutcome;requests\r\ngranted;<5\r\n"), csv);
        assertTrue(csv.contains("\r\ntotal;4;45,5;55;3;0,7500\r\n"), csv);
        for (String figure : Api.EVALUATION_FIGURES) {
            Api.as(Roles.FINANCE).accept("text/csv").queryParams(at("2025-10-31")).get(EVALUATION + "/" + figure).then().statusCode(200)
                    .contentType(containsString("text/csv"));
            Api.as(Roles.FINANCE).queryParams(at("2025-10-31")).get(EVALUATION + "/" + figure).then().statusCode(200)
                    .body(not(containsString(cohort.a.toString()))).body(not(containsString(cohort.g.toString())));
        }
    }

    @Test
    void refusesAScopeThatCannotBeUsedNamingTheParameter() {
        Api.as(Roles.ANALYST).queryParam("phase", "9").get(EVALUATION + "/activities").then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams[0].name", org.hamcrest.Matchers.equalTo("phase"));
        Api.as(Roles.ANALYST).queryParam("asOf", "2999-01-01").get(EVALUATION + "/earnings").then().statusCode(400)
                .body("invalidParams[0].name", org.hamcrest.Matchers.equalTo("asOf"));
        Api.as(Roles.ANALYST).queryParam("asOf", "yesterday").get(EVALUATION + "/twv-burden").then().statusCode(400)
                .body("invalidParams[0].name", org.hamcrest.Matchers.equalTo("asOf"));
    }
}
