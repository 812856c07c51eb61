package nl.werkdesk.reporting.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.PilotScenario;
import nl.werkdesk.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless browser (Debian's chromium driven by npm's playwright-core) against this
 * service with data: the figures, tables and charts it shows for a location as of a date, and a screenshot in
 * target/dashboard.png. What the browser needs is installed by src/test/browser/ensure-browser.sh when missing;
 * if that cannot be done the test fails and says what to install.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final Path BROWSER_FILES = Path.of("src", "test", "browser");
    static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "werkdesk", "browser-test");
    static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    static final long INSTALL_MINUTES = 10;
    static final long RUN_SECONDS = 120;

    @TestHTTPResource("/")
    URL dashboard;

    @Test
    void showsTheFiguresFunnelSectorsAndPlacementRateOfALocationAsOfADate() throws Exception {
        // The pilot (6 participants, 4 placed) and 5 more enrolled in September and placed in cleaning: 11 enrolled, 9 placed.
        PilotScenario pilot = new PilotScenario().publish().withPlacedParticipants(5, "2025-09-01", "2025-09-20");
        String playwright = ensureBrowser();
        Files.deleteIfExists(SCREENSHOT);

        JsonNode shown = runInBrowser(playwright, Map.of("DASHBOARD_URL", dashboard.toString(), "TOKEN", TestTokens.bearer(Roles.ANALYST),
                "LOCATION", pilot.location, "AS_OF", "2025-10-31", "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString()));

        assertEquals(List.of(), texts(shown.get("consoleErrors")), "the page logged errors");
        assertTrue(shown.get("tokenNotice").asText().contains("analyst token"), "the page says it needs an analyst token");
        assertTrue(shown.get("tokenNotice").asText().contains("sessionStorage"), "the page says where it keeps the token");
        assertEquals("11", shown.get("enrolled").asText());
        assertEquals("9", shown.get("placed").asText());
        assertEquals("81.8%", shown.get("placementRate").asText());
        assertEquals("€444", shown.get("costPerPlacement").asText());
        assertEquals("Spent €4,000 at " + pilot.location + " · budget: programme-wide, not per location", shown.get("spend").asText(),
                "a location has no budget of its own");
        assertEquals("Figures as of 2025-10-31 · " + pilot.location + " · all phases", shown.get("status").asText());

        assertEquals(List.of(
                List.of("Enrolled", "11", "100.0%"),
                List.of("Intake completed", "5", "45.5%"),
                List.of("Training, CV help or job fair", "2", "18.2%"),
                List.of("TWV requested", "2", "18.2%"),
                List.of("TWV granted", "2", "18.2%"),
                List.of("Placed in paid work", "9", "81.8%"),
                List.of("Sustained (26 weeks)", "1", "9.1%")), rows(shown.get("funnel")));
        assertEquals(List.of(
                List.of("Horeca", "<5"), List.of("Production", "<5"), List.of("Logistics", "<5"), List.of("Cleaning", "5"),
                List.of("Home care", "0"), List.of("Other", "0"), List.of("Total", "10")), rows(shown.get("sectors")));

        JsonNode funnelChart = shown.get("charts").get("funnel");
        assertEquals("[11,5,2,2,2,9,1]", funnelChart.get("datasets").get(0).get("data").toString());
        JsonNode sectorChart = shown.get("charts").get("sectors");
        assertEquals("[null,null,null,5,0,0]", sectorChart.get("datasets").get(0).get("data").toString(), "suppressed counts are not drawn");
        assertEquals("Horeca (<5)", sectorChart.get("labels").get(0).asText());
        JsonNode rate = shown.get("charts").get("rate");
        assertEquals(pilot.location, rate.get("datasets").get(0).get("label").asText());
        assertEquals("[\"2025-02\",\"2025-03\",\"2025-04\",\"2025-05\",\"2025-06\",\"2025-07\",\"2025-08\",\"2025-09\",\"2025-10\"]",
                rate.get("labels").toString());
        assertEquals("[null,null,null,null,null,null,null,81.82,81.82]", rate.get("datasets").get(0).get("data").toString());

        assertTrue(shown.get("tokenKept").asBoolean() && shown.get("readyAfterReload").asBoolean(), "the token is pasted once per tab");
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the dashboard in " + SCREENSHOT);
    }

    /** Installs what is missing (chromium when root, playwright-core into the cache) and returns the playwright-core folder. */
    static String ensureBrowser() throws IOException, InterruptedException {
        Finished install = run(List.of("bash", BROWSER_FILES.resolve("ensure-browser.sh").toString(), CACHE.toString()), Map.of(),
                INSTALL_MINUTES * 60);
        if (install.exitCode() != 0) {
            fail("The dashboard's browser test needs Debian's chromium at /usr/bin/chromium and npm's playwright-core, and could not "
                    + "install them: " + install.lastLines() + "\nInstall them (apt-get install -y chromium; npm install playwright-core "
                    + "in " + CACHE + ") and run the test again.");
        }
        List<String> lines = install.stdout().lines().toList();
        return lines.get(lines.size() - 1).trim();
    }

    private static JsonNode runInBrowser(String playwright, Map<String, String> environment) throws IOException, InterruptedException {
        return runInBrowser("dashboard-check.mjs", playwright, environment);
    }

    /** Runs one of src/test/browser's scripts and returns the JSON of its last line. */
    static JsonNode runInBrowser(String script, String playwright, Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("PLAYWRIGHT_CORE", playwright);
        Finished browser = run(List.of("node", BROWSER_FILES.resolve(script).toString()), all, RUN_SECONDS);
        if (browser.exitCode() != 0) {
            fail("the browser run failed (exit " + browser.exitCode() + "): " + browser.lastLines());
        }
        List<String> lines = browser.stdout().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private record Finished(int exitCode, String stdout, String stderr) {
        String lastLines() {
            List<String> all = new ArrayList<>(stdout.lines().toList());
            all.addAll(stderr.lines().toList());
            return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
        }
    }

    private static Finished run(List<String> command, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("werkdesk-browser", ".out");
        Path err = Files.createTempFile("werkdesk-browser", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Finished(-1, Files.readString(out, StandardCharsets.UTF_8),
                        "did not finish within " + timeoutSeconds + " s\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    static List<List<String>> rows(JsonNode table) {
        List<List<String>> rows = new ArrayList<>();
        table.forEach(row -> rows.add(texts(row)));
        return rows;
    }
}
