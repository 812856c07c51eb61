package nl.werkdesk.reporting.dashboard;

import static nl.werkdesk.reporting.dashboard.DashboardBrowserTest.ensureBrowser;
import static nl.werkdesk.reporting.dashboard.DashboardBrowserTest.runInBrowser;
import static nl.werkdesk.reporting.dashboard.DashboardBrowserTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.EvaluationCohort;
import nl.werkdesk.testing.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The pilot-end report in a real headless browser (installed as for {@link DashboardBrowserTest}), with
 * {@link EvaluationCohort}'s data: it renders with no console errors and fetches nothing, and Chromium prints it to an A4 PDF
 * in which every section starts a page of its own. The PDF lands in target/report.pdf, its first page as a picture in
 * target/report-first-page.png.
 */
@QuarkusTest
class ReportBrowserTest {

    private static final Logger LOG = Logger.getLogger(ReportBrowserTest.class);
    static final Path PDF = Path.of("target", "report.pdf");
    static final Path FIRST_PAGE = Path.of("target", "report-first-page.png");
    static final List<String> SECTIONS = List.of("Headline figures", "By location and phase", "From enrolment to sustained work",
            "Time to first job", "How long jobs last", "Activities and placement", "The TWV burden",
            "Spend against the budget, and what participants earned", "Methods", "Provenance");
    /** A4 is 595 x 842 points. */
    static final float A4_WIDTH = 595.3f;
    static final float A4_HEIGHT = 841.9f;
    static final float RENDER_DPI = 110;

    @TestHTTPResource("/api/v1/evaluation/report")
    URL report;

    @Test
    void rendersWithoutErrorsFetchesNothingAndPrintsEverySectionOnA4() throws Exception {
        EvaluationCohort cohort = new EvaluationCohort().publish();
        String playwright = ensureBrowser();
        Files.deleteIfExists(PDF);
        String url = report + "?asOf=2025-10-31";

        JsonNode shown = runInBrowser("report-check.mjs", playwright, Map.of("REPORT_URL", url, "TOKEN", TestTokens.bearer(Roles.ANALYST),
                "PDF", PDF.toAbsolutePath().toString()));

        assertEquals(200, shown.get("status").asInt());
        assertEquals(List.of(), texts(shown.get("consoleErrors")), "the report logged errors");
        assertEquals(List.of(url), texts(shown.get("requests")), "the document itself and nothing else");
        assertEquals(SECTIONS, texts(shown.get("sections")));
        assertEquals(7, shown.get("charts").size());
        shown.get("charts").forEach(drawn -> assertTrue(drawn.asBoolean(), "every chart is drawn"));

        try (PDDocument pdf = Loader.loadPDF(PDF.toFile())) {
            int pages = pdf.getNumberOfPages();
            LOG.infof("the report as of 2025-10-31 printed on %d A4 pages", pages);
            assertTrue(pages >= SECTIONS.size(), "a page per section at least: " + pages);
            assertEquals(A4_WIDTH, pdf.getPage(0).getMediaBox().getWidth(), 1);
            assertEquals(A4_HEIGHT, pdf.getPage(0).getMediaBox().getHeight(), 1);
            List<String> texts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(pdf));
            }
            assertTrue(texts.get(0).contains("Werkdesk pilot: report as of 31 October 2025") && texts.get(0).contains("Headline figures"),
                    "the title and the headline on the first page");
            int previous = 0;
            for (String section : SECTIONS.subList(1, SECTIONS.size())) {
                int page = firstPageStartingWith(texts, section, previous);
                assertTrue(page > previous, section + " starts a page after the previous section's: " + page);
                previous = page;
            }
            assertTrue(texts.stream().anyMatch(text -> text.contains("Wages not earned while waiting (an estimate)")));
            // A location name may wrap after its hyphen in a narrow table column: compare without the line breaks.
            assertTrue(texts.stream().anyMatch(text -> text.replaceAll("\\s+", "").contains(cohort.location)), "the locations are named");
            BufferedImage first = new PDFRenderer(pdf).renderImageWithDPI(0, RENDER_DPI);
            ImageIO.write(first, "png", FIRST_PAGE.toFile());
        }
        assertTrue(Files.size(FIRST_PAGE) > 10_000, "a picture of the first page in " + FIRST_PAGE);
    }

    /** The first page after {@code after} (0-based) whose text begins with the heading; -1 if none. */
    private static int firstPageStartingWith(List<String> texts, String heading, int after) {
        for (int page = after + 1; page < texts.size(); page++) {
            if (texts.get(page).strip().startsWith(heading)) {
                return page;
            }
        }
        return -1;
    }
}
