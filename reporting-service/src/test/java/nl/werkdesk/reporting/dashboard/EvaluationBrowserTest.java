package nl.werkdesk.reporting.dashboard;

import static nl.werkdesk.reporting.dashboard.DashboardBrowserTest.ensureBrowser;
import static nl.werkdesk.reporting.dashboard.DashboardBrowserTest.rows;
import static nl.werkdesk.reporting.dashboard.DashboardBrowserTest.runInBrowser;
import static nl.werkdesk.reporting.dashboard.DashboardBrowserTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.EvaluationCohort;
import nl.werkdesk.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The evaluation page in a real headless browser (Debian's chromium driven by npm's playwright-core, installed as for
 * {@link DashboardBrowserTest}) against this service with {@link EvaluationCohort}'s data: what it shows for a location
 * as of a date, that changing the as-of date or the location changes the figures, that its link opens the printable report
 * of the scope, no console errors, and a screenshot in target/evaluation.png.
 */
@QuarkusTest
class EvaluationBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "evaluation.png");

    @TestHTTPResource("/evaluation.html")
    URL page;

    @Test
    void showsTheCurvesGroupsLeadTimesAndEarningsAndFollowsTheScope() throws Exception {
        EvaluationCohort cohort = new EvaluationCohort().publish();
        String playwright = ensureBrowser();
        Files.deleteIfExists(SCREENSHOT);

        JsonNode shown = runInBrowser("evaluation-check.mjs", playwright, Map.of("PAGE_URL", page.toString(),
                "TOKEN", TestTokens.bearer(Roles.ANALYST), "LOCATION", cohort.location, "AS_OF", "2025-10-31",
                "EARLIER_AS_OF", "2025-06-30", "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString()));

        assertEquals(List.of(), texts(shown.get("consoleErrors")), "the page logged errors");
        JsonNode first = shown.get("first");
        assertEquals("Figures as of 2025-10-31 · " + cohort.location + " · all phases", first.get("status").asText());
        assertEquals("165 days", first.get("medianDays").asText());
        assertEquals("Placed within 90 days: 28.6% · so far 57.1% of 7", first.get("within90").asText());
        assertEquals("0.0%", first.get("retention26").asText());
        assertEquals("45.5 days", first.get("twvMedian").asText());
        assertEquals("€7.15", first.get("wagesPerEuro").asText());
        assertEquals("Wages €28,601 · spent €4,000", first.get("wages").asText());

        JsonNode firstJob = first.get("charts").get("firstJob").get("datasets");
        assertEquals(cohort.location, firstJob.get(0).get("label").asText());
        assertEquals("[{\"x\":0,\"y\":100},{\"x\":0,\"y\":85.71},{\"x\":35,\"y\":71.43},{\"x\":92,\"y\":53.57},{\"x\":165,\"y\":35.71},"
                + "{\"x\":200,\"y\":35.71}]", firstJob.get(0).get("data").toString(), "steps from 100%");
        assertEquals("[{\"x\":35,\"y\":71.43},{\"x\":200,\"y\":35.71}]", firstJob.get(1).get("data").toString(), "censoring marks");
        assertEquals("[{\"x\":0,\"y\":100},{\"x\":11,\"y\":100},{\"x\":50,\"y\":75},{\"x\":60,\"y\":75},{\"x\":133,\"y\":75},"
                + "{\"x\":182,\"y\":0}]", first.get("charts").get("retention").get("datasets").get(0).get("data").toString());
        assertEquals(List.of(List.of("Application training", "<5", "<5", "–", "–"), List.of("CV help", "<5", "0", "–", "–"),
                List.of("Job fair", "<5", "<5", "–", "–"), List.of("Any activity", "5", "<5", "–", "–"),
                List.of("No activity", "<5", "<5", "–", "–")), rows(first.get("activities")), "small groups suppressed for analysts");
        assertEquals(List.of("All", "4", "45.5", "55", "3"), rows(first.get("twv")).get(0));
        assertEquals("[0,0,0,null,0,0,0,0]", first.get("charts").get("twv").get("datasets").get(0).get("data").toString(),
                "a suppressed week is not drawn");
        JsonNode earnings = first.get("charts").get("earnings");
        assertEquals("[\"2025-03\",\"2025-04\",\"2025-05\",\"2025-06\",\"2025-07\",\"2025-08\",\"2025-09\",\"2025-10\"]",
                earnings.get("labels").toString());
        assertEquals(4000, earnings.get("datasets").get(1).get("data").get(7).asInt());

        JsonNode report = shown.get("report");
        assertEquals("Werkdesk pilot: report as of 31 October 2025", report.get("title").asText(), "the report link opens the report");
        assertEquals(cohort.location + " · all phases · as of 2025-10-31", report.get("scope").asText(), "of the scope shown");
        assertEquals(10, report.get("sections").asInt());

        JsonNode earlier = shown.get("earlier");
        assertEquals("Figures as of 2025-06-30 · " + cohort.location + " · all phases", earlier.get("status").asText());
        assertNotEquals(first.get("within90").asText(), earlier.get("within90").asText(), "as of another date, other figures");
        assertNotEquals(first.get("wages").asText(), earlier.get("wages").asText());
        assertNotEquals(first.get("charts").get("earnings").get("labels"), earlier.get("charts").get("earnings").get("labels"));

        JsonNode everywhere = shown.get("everywhere");
        assertEquals("Figures as of 2025-10-31 · all locations · all phases", everywhere.get("status").asText());
        assertNotEquals(first.get("wages").asText(), everywhere.get("wages").asText(), "in another scope, other figures");
        assertTrue(everywhere.get("charts").get("firstJob").get("datasets").size() > 2, "a curve per location");
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the page in " + SCREENSHOT);
    }
}
