package nl.werkdesk.reporting.report;

import static nl.werkdesk.reporting.Api.evaluation;
import static nl.werkdesk.reporting.Api.metric;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Api;
import nl.werkdesk.reporting.EvaluationCohort;
import nl.werkdesk.reporting.Events;
import nl.werkdesk.reporting.TestResources;
import nl.werkdesk.testing.PostgresServer;
import nl.werkdesk.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pilot-end report of {@link EvaluationCohort}: the figures the endpoints give, in a self-contained document with every
 * section, the same bytes for the same events and request, and only for analysts.
 */
@QuarkusTest
class ReportTest {

    static final String REPORT = "/api/v1/evaluation/report";
    static final List<String> SECTIONS = List.of("Headline figures", "By location and phase", "From enrolment to sustained work",
            "Time to first job", "How long jobs last", "Activities and placement", "The TWV burden",
            "Spend against the budget, and what participants earned", "Methods", "Provenance");
    static final Pattern FIGURE = Pattern.compile("data-figure=\"([a-z0-9-]+)\"><span class=\"label\">[^<]*</span><span class=\"value\">([^<]*)</span>");
    static EvaluationCohort cohort;

    @BeforeEach
    void publishTheCohortOnce() {
        synchronized (ReportTest.class) {
            if (cohort == null) {
                cohort = new EvaluationCohort().publish();
            }
        }
    }

    static Response report(Map<String, String> parameters) {
        return Api.as(Roles.ANALYST).accept("text/html").queryParams(parameters).get(REPORT).then().statusCode(200).extract().response();
    }

    private static Map<String, String> at(String asOf) {
        return Map.of("location", cohort.location, "asOf", asOf);
    }

    @Test
    void showsTheFiguresTheEndpointsGive() {
        Map<String, String> figures = figures(report(at("2025-10-31")).asString());
        JsonPath summary = metric(Roles.ANALYST, "summary", at("2025-10-31"));
        JsonPath earnings = evaluation(Roles.ANALYST, "earnings", at("2025-10-31"));
        JsonPath firstJob = evaluation(Roles.ANALYST, "time-to-first-placement", at("2025-10-31"));
        JsonPath twv = evaluation(Roles.ANALYST, "twv-burden", at("2025-10-31"));
        JsonPath retention = evaluation(Roles.ANALYST, "placement-retention", at("2025-10-31"));

        assertEquals(String.valueOf(summary.getLong("enrolled")), figures.get("enrolled"));
        assertEquals(String.valueOf(summary.getLong("participantsPlaced")), figures.get("placed"));
        assertEquals(percent(summary.getString("placementRate")), figures.get("placement-rate"));
        assertEquals("€1,000.00", figures.get("cost-per-placement"), "400,000 cents / 4 placed, as the summary: "
                + summary.getLong("costPerPlacementCents"));
        assertEquals(100_000, summary.getLong("costPerPlacementCents"));
        assertEquals("€28,601.29", figures.get("gross-wages"));
        assertEquals(2_860_129, earnings.getLong("grossWagesCents"));
        assertEquals("€" + earnings.getString("wagesPerEuroSpent"), figures.get("wages-per-euro"));
        assertEquals("€7.1503", figures.get("wages-per-euro"));
        assertEquals("none: programme-wide", figures.get("budget"), "a location has no budget of its own");
        assertEquals(firstJob.getInt("medianDays") + " days", figures.get("median-days-to-first-job"));
        assertEquals(percent(firstJob.getString("placedWithin90Days.value")), figures.get("placed-within-90-days"));
        assertEquals("28.57%", figures.get("placed-within-90-days"));
        assertEquals(percent(retention.getString("retainedAt26Weeks.value")), figures.get("retained-26-weeks"));
        assertEquals(twv.getString("leadTime.medianDays") + " days", figures.get("twv-median-days"));
        assertEquals("45.5 days", figures.get("twv-median-days"));
        assertEquals("€8,156.57", figures.get("wages-not-earned"));
        assertEquals(815_657, twv.getLong("wagesNotEarnedWhileWaitingCents"));
        assertEquals("€4,000.00", figures.get("money-spend"));
    }

    @Test
    void isOneSelfContainedDocumentWithEverySection() {
        Response response = report(at("2025-10-31"));
        assertEquals("text/html;charset=UTF-8", response.contentType());
        assertEquals("default-src 'none'; style-src 'unsafe-inline'", response.header("Content-Security-Policy"));
        String html = response.asString();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        for (String section : SECTIONS) {
            assertTrue(html.contains(">" + section + "</h2>"), section);
        }
        assertFalse(html.contains("<script"), "no script");
        assertFalse(Pattern.compile("\\b(src|srcset|action)=").matcher(html).find(), "nothing loaded");
        Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (links.find()) {
            assertTrue(links.group(1).startsWith("#"), "only links within the document: " + links.group(1));
        }
        assertFalse(html.contains("url(") || html.contains("@import"), "no resources from the style sheet");
        assertTrue(html.contains("@page { size: A4;"), "prints on A4");
        assertTrue(html.contains("break-before: page"), "a page per section");
        assertEquals(7, count(html, "<svg "), "the funnel, the two curves, the activities, the TWV lead times and the two money charts");
        assertTrue(html.contains("Wages not earned while waiting (an estimate)"), "the wage estimate is labelled as one");
        assertFalse(html.contains(cohort.a.toString()) || html.contains(cohort.g.toString()), "no participant id");
        assertTrue(html.contains(">&lt;5</td>"), "small counts suppressed for the analyst");
    }

    @Test
    void tablesEveryLocationAndPhaseAndStatesTheMethodsAsOfTheDate() {
        String html = report(Map.of("asOf", "2025-10-31")).asString();
        String table = section(html, "locations");
        JsonPath byLocation = metric(Roles.ANALYST, "placements-by-location", Map.of("asOf", "2025-10-31"));
        for (String location : byLocation.<String>getList("locations.location")) {
            assertTrue(table.contains("<td>All phases</td><td>" + location + "</td>"), location + " in the table of all phases");
        }
        assertTrue(table.contains("<td>Phase 1 (from "), "a row group per phase");
        assertTrue(table.contains("<tr class=\"total\"><td>All phases</td><td>Total</td><td>"
                + ReportFormat.number(byLocation.getLong("total.enrolled")) + "</td>"), "the total as the endpoint gives it");

        String methods = section(html, "methods");
        assertTrue(methods.contains("<dt>As of</dt>") && methods.contains("on or before 2025-10-31 count"), "the as-of date");
        assertTrue(methods.contains("<dt>Suppression</dt>") && methods.contains("&quot;&lt;5&quot;"), "the suppression rule");
        for (String term : List.of("Cost per placement", "Gross wages earned", "Wages per euro spent", "Time to first job", "Retention",
                "Activities and placement", "TWV burden")) {
            assertTrue(methods.contains("<dt>" + term + "</dt>"), term + " is defined");
        }
    }

    @Test
    void givesTheSameBytesForTheSameEventsAndRequest() throws SQLException {
        Map<String, String> scope = at("2025-10-31");
        byte[] first = report(scope).asByteArray();
        byte[] again = report(scope).asByteArray();
        assertArrayEquals(first, again, "the same request, the same bytes");

        // An event dated after asOf changes nothing; one dated before it at another location adds to the provenance only.
        Events.publishAndAwait(cohort.here.registered(UUID.randomUUID(), "2025-11-03"));
        assertArrayEquals(first, report(scope).asByteArray(), "an event after asOf changes nothing");
        long before = eventsThrough("2025-10-31");
        Map<String, String> provenance = provenance(new String(first, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(String.valueOf(before), provenance.get("events").replace(",", ""), "every event the projections hold by asOf");
        Events.publishAndAwait(new nl.werkdesk.reporting.PilotScenario().registered(UUID.randomUUID(), "2025-10-01"));
        String later = report(scope).asString();
        assertNotEquals(new String(first, java.nio.charset.StandardCharsets.UTF_8), later);
        assertEquals(String.valueOf(before + 1), provenance(later).get("events").replace(",", ""));
        assertEquals(figures(new String(first, java.nio.charset.StandardCharsets.UTF_8)).get("enrolled"), figures(later).get("enrolled"),
                "the figures of this location stay");
    }

    @Test
    void drawsACurvePerLocationWhenTheScopeHasNone() {
        String html = report(Map.of("asOf", "2025-10-31")).asString();
        String chart = html.substring(html.indexOf("id=\"first-job-chart-title\""), html.indexOf("</svg>", html.indexOf("first-job-chart-title")));
        assertTrue(chart.contains(">" + cohort.location + "</text>") && chart.contains(">" + cohort.nothingSpent.location + "</text>"),
                "a legend entry per location");
        assertTrue(figures(html).get("budget").startsWith("€"), "the programme has a budget");
        JsonPath summary = metric(Roles.ANALYST, "summary", Map.of("asOf", "2025-10-31"));
        assertEquals(String.format(java.util.Locale.ENGLISH, "%,d", summary.getLong("enrolled")), figures(html).get("enrolled"));
    }

    @Test
    void isForAnalystsOnly() {
        Api.as(Roles.ANALYST).queryParams(at("2025-10-31")).get(REPORT).then().statusCode(200);
        for (String role : List.of(Roles.FINANCE, Roles.RESEARCHER, Roles.OPERATOR, Roles.CASEWORKER, Roles.EMPLOYER_LIAISON,
                Roles.PERMIT_OFFICER)) {
            Api.as(role).get(REPORT).then().statusCode(403).contentType("application/problem+json");
        }
        io.restassured.RestAssured.given().get(REPORT).then().statusCode(401);
        io.restassured.RestAssured.given().header("Authorization", TestTokens.expired(Roles.ANALYST)).get(REPORT).then().statusCode(401);
    }

    @Test
    void refusesAScopeThatCannotBeUsedNamingTheParameter() {
        Api.as(Roles.ANALYST).queryParam("asOf", "2999-01-01").get(REPORT).then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams[0].name", equalTo("asOf"));
        Api.as(Roles.ANALYST).queryParam("phase", "9").get(REPORT).then().statusCode(400).body("invalidParams[0].name", equalTo("phase"));
    }

    /** Every data-figure of the document by its key, as shown. */
    static Map<String, String> figures(String html) {
        Map<String, String> figures = new LinkedHashMap<>();
        Matcher figure = FIGURE.matcher(html);
        while (figure.find()) {
            figures.putIfAbsent(figure.group(1), figure.group(2));
        }
        return figures;
    }

    /** The HTML of one section, by its id. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "a section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static Map<String, String> provenance(String html) {
        return figures(html.substring(html.indexOf("<section id=\"provenance\"")));
    }

    private static String percent(String share) {
        return new BigDecimal(share).movePointRight(2).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() + "%";
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static long eventsThrough(String asOf) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE);
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM event_facts e JOIN projection_state s "
                     + "ON e.generation = s.live_generation WHERE e.occurred_on <= ?")) {
            query.setObject(1, java.time.LocalDate.parse(asOf));
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        }
    }
}
