package nl.werkdesk.reporting.microdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Api;
import nl.werkdesk.reporting.MicrodataCohort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The researcher's export of {@link MicrodataCohort}, fed through the real broker, against records worked out by hand: the
 * columns, disclosure control (generalised in order, the rest suppressed), CSV and JSON alike, and that nothing in it can be
 * joined back to an id or a date.
 */
@QuarkusTest
class MicrodataTest {

    static final Pattern EXACT_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    static final List<String> ALL_GENERALISATIONS = List.of("enrolment-month-to-quarter", "enrolment-quarter-to-year",
            "dutch-level-to-band", "asylum-track-left-blank");
    static MicrodataCohort cohort;
    static final Pseudonyms PSEUDONYMS = new Pseudonyms(PseudonymsTest.KEY);

    @BeforeEach
    void publishTheCohortOnce() {
        synchronized (MicrodataTest.class) {
            if (cohort == null) {
                cohort = new MicrodataCohort().publish();
            }
        }
    }

    private static Response export(String accept, String asOf) {
        return Api.as(Roles.RESEARCHER).accept(accept).queryParams(Map.of("location", cohort.location, "asOf", asOf))
                .get(Api.MICRODATA).then().statusCode(200).extract().response();
    }

    @Test
    void givesOneCsvRecordPerParticipantWithTheCodebooksColumnsAfterDisclosureControl() {
        Response response = export("text/csv", "2025-10-31");
        assertEquals("text/csv;charset=UTF-8;header=present", response.contentType());
        assertEquals("5", response.header("K-Anonymity-K"));
        assertEquals("7", response.header("K-Anonymity-Reached"));
        assertEquals(String.join(",", ALL_GENERALISATIONS), response.header("K-Anonymity-Generalisations"));
        assertEquals("1", response.header("K-Anonymity-Rows-Suppressed"), "P8, the only one without a Dutch level");

        byte[] bytes = response.asByteArray();
        assertEquals('p', bytes[0], "no byte order mark");
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.endsWith("\r\n"));
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertFalse(csv.replace("\r\n", "").contains("\n"), "CRLF after every record, no bare line feeds");
        assertEquals("pseudonym,location,phase,enrolmentPeriod,asylumTrack,wDocumentType,dutchLevelAtIntake,englishLevelAtIntake,"
                + "sectorPreferences,daysFromRegistrationToIntake,applicationTrainings,cvHelpSessions,jobFairs,daysFromIntakeToFirstActivity,"
                + "twvRequests,twvsGranted,twvsRefused,twvsWithdrawn,firstTwvLeadTimeDays,placed,daysFromIntakeToFirstPlacement,"
                + "firstPlacementSector,firstPlacementContractType,firstPlacementHoursPerWeek,firstPlacementWageBand,placements,sustained,"
                + "lostToRelocation,statusGranted,leftPilotReason", lines.get(0));
        assertEquals(1 + 7, lines.size(), "a header and seven records");
        List<String> pseudonyms = lines.subList(1, lines.size()).stream().map(line -> line.substring(0, line.indexOf(','))).toList();
        assertEquals(pseudonyms.stream().sorted().toList(), pseudonyms, "ordered by pseudonym");
        assertFalse(pseudonyms.contains(PSEUDONYMS.of(cohort.p(8))), "P8 suppressed");

        // Training 03-15 is 3 days after the intake 03-12; two CV helps; job fairs on two days (04-10 twice, 05-05); T1 and T2
        // requested the same day, T1 decided first (26 days); placed 50 days after the intake at 110.03% of the minimum wage.
        assertEquals(PSEUDONYMS.of(cohort.p(1)) + "," + cohort.location + ",1,2025,,W,none/A,B1,horeca|cleaning,9,1,2,2,3,3,1,1,1,26,1,50,"
                + "horeca,fixed-term,32,110-125,1,1,0,0,", line(lines, 1));
        assertEquals(PSEUDONYMS.of(cohort.p(2)) + "," + cohort.location + ",1,2025,,W,none/A,A1,,8,0,0,0,,0,0,0,0,,1,20,"
                + "home-care,temporary-via-agency,20,100-110,1,0,1,0,", line(lines, 2), "exactly the minimum wage; lost to relocation");
        assertEquals(PSEUDONYMS.of(cohort.p(3)) + "," + cohort.location + ",1,2025,,W,none/A,A1,,7,0,0,0,,0,0,0,0,,0,,,,,,0,0,0,1,",
                line(lines, 3), "a status holder");
        assertTrue(line(lines, 4).endsWith(",0,0,0,0,departed"), "P4 left the pilot");
        assertTrue(line(lines, 6).startsWith(PSEUDONYMS.of(cohort.p(6)) + "," + cohort.location + ",1,2025,,W,none/A,A2,,20,"),
                "enrolled in February: the year and the band make it one of six");
        assertTrue(line(lines, 7).startsWith(PSEUDONYMS.of(cohort.p(7)) + "," + cohort.location + ",1,2025,,W,none/A,"),
                "its track left blank");
    }

    @Test
    void generalisesOnlyAsFarAsNeededAsOfAnEarlierDate() {
        // As of 03-08: P1 to P5 enrolled in March, P6 in February, no intakes: the quarter suffices.
        JsonPath json = export("application/json", "2025-03-08").jsonPath();
        assertEquals(List.of("enrolment-month-to-quarter"), json.getList("disclosure.generalisations"));
        assertEquals(6, json.getInt("disclosure.kReached"));
        assertEquals(0, json.getInt("disclosure.rowsSuppressed"));
        assertEquals(6, json.getInt("disclosure.rows"));
        assertEquals(List.of("2025-Q1"), json.getList("records.enrolmentPeriod").stream().distinct().toList());
        assertEquals(List.of("regular"), json.getList("records.asylumTrack").stream().distinct().toList());
        Map<String, Object> p1 = record(json, cohort.p(1));
        assertNull(p1.get("dutchLevelAtIntake"), "no intake by then");
        assertTrue(p1.containsKey("daysFromRegistrationToIntake") && p1.get("daysFromRegistrationToIntake") == null);
        assertEquals(0, p1.get("placed"));
        assertEquals(0, p1.get("twvRequests"));
    }

    @Test
    void answersJsonWithTheSameRecordsAndWhatDisclosureControlDid() {
        JsonPath json = export("application/json", "2025-10-31").jsonPath();
        assertEquals(cohort.location, json.getString("scope.location"));
        assertEquals("2025-10-31", json.getString("scope.asOf"));
        assertNull(json.get("scope.phase"));
        assertEquals(Map.of("k", 5, "kReached", 7, "generalisations", ALL_GENERALISATIONS, "rowsSuppressed", 1, "rows", 7),
                json.getMap("disclosure"));
        Map<String, Object> p1 = record(json, cohort.p(1));
        assertEquals(30, p1.size(), "every column, null ones included");
        assertNull(p1.get("asylumTrack"));
        assertEquals("none/A", p1.get("dutchLevelAtIntake"));
        assertEquals("horeca|cleaning", p1.get("sectorPreferences"));
        assertEquals(26, p1.get("firstTwvLeadTimeDays"));
        assertEquals("110-125", p1.get("firstPlacementWageBand"));
        assertEquals(1, p1.get("sustained"));
        assertNull(p1.get("leftPilotReason"));
        List<String> csvLines = Arrays.asList(export("text/csv", "2025-10-31").asString().split("\r\n"));
        assertEquals(csvLines.subList(1, csvLines.size()).stream().map(line -> line.substring(0, 16)).toList(),
                json.getList("records.pseudonym"), "the same records in the same order");
    }

    @Test
    void containsNoIdNoExactDateAndOnlyValuesTheCodebookAllows() {
        JsonPath codebook = Api.as(Roles.RESEARCHER).accept(ContentType.JSON).get(Api.MICRODATA + "/codebook").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> columns = codebook.getList("columns");
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (String asOf : List.of("2025-03-08", "2025-05-01", "2025-10-31")) {
            String[] lines = export("text/csv", asOf).asString().split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String[] values = lines[i].split(",", -1);
                assertEquals(columns.size(), values.length, lines[i]);
                for (int c = 0; c < values.length; c++) {
                    cells++;
                    String value = values[c];
                    Map<String, Object> column = columns.get(c);
                    String name = (String) column.get("name");
                    for (String id : cohort.ids) {
                        if (!value.isEmpty() && (id.contains(value) && value.length() >= 8 || value.contains(id)
                                || value.contains(id.replace("-", "").substring(0, 16)))) {
                            failures.add(name + " " + value + " matches the id " + id);
                        }
                    }
                    if (EXACT_DATE.matcher(value).find() || cohort.dates.contains(value)) {
                        failures.add(name + " " + value + " is an exact date");
                    }
                    conforms(column, value, failures);
                }
            }
        }
        assertTrue(cells > 300, "cells checked: " + cells);
        assertEquals(List.of(), failures);
    }

    @Test
    void givesTheCodebookInJsonAndCsv() {
        JsonPath codebook = Api.as(Roles.RESEARCHER).accept(ContentType.JSON).get(Api.MICRODATA + "/codebook").then().statusCode(200)
                .extract().jsonPath();
        String header = export("text/csv", "2025-10-31").asString().split("\r\n")[0];
        assertEquals(Arrays.asList(header.split(",")), codebook.getList("columns.name"), "the codebook defines every column, in order");
        assertEquals(List.of("location", "phase", "enrolmentPeriod", "asylumTrack", "wDocumentType", "dutchLevelAtIntake"),
                codebook.getList("disclosure.quasiIdentifiers"));
        assertEquals(ALL_GENERALISATIONS, codebook.getList("disclosure.generalisations.name"));
        assertEquals(5, codebook.getInt("disclosure.k"));
        for (Map<String, Object> column : codebook.<Map<String, Object>>getList("columns")) {
            assertTrue(((String) column.get("definition")).length() > 10, column.get("name") + " is defined");
            assertTrue(List.of("string", "integer").contains(column.get("type")));
        }
        assertEquals(List.of("below-100", "100-110", "110-125", "125-150", "150-plus"),
                codebook.getList("columns.find { it.name == 'firstPlacementWageBand' }.allowedValues"));
        assertEquals("days", codebook.getString("columns.find { it.name == 'firstTwvLeadTimeDays' }.unit"));

        String csv = Api.as(Roles.RESEARCHER).accept("text/csv").get(Api.MICRODATA + "/codebook").then().statusCode(200)
                .contentType("text/csv;charset=UTF-8;header=present").extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals("section,name,type,unit,definition,allowedValues,minimum,maximum,pattern,nullable,quasiIdentifier", rows[0]);
        assertEquals(30, Arrays.stream(rows).filter(row -> row.startsWith("column,")).count());
        assertTrue(Arrays.stream(rows).anyMatch(row -> row.startsWith("disclosure-rule,k,,,") && row.endsWith(",5,,,,,")), csv);
        assertTrue(Arrays.stream(rows).anyMatch(row -> row.startsWith("column,firstPlacementWageBand,string,,")
                && row.contains(",below-100|100-110|110-125|125-150|150-plus,")), "allowed values in one cell");
    }

    @Test
    void giveTheSamePseudonymsInEveryExport() {
        List<Object> first = export("application/json", "2025-10-31").jsonPath().getList("records.pseudonym");
        List<Object> again = export("application/json", "2025-10-31").jsonPath().getList("records.pseudonym");
        List<Object> earlier = export("application/json", "2025-05-01").jsonPath().getList("records.pseudonym");
        assertEquals(first, again);
        assertTrue(earlier.contains(PSEUDONYMS.of(cohort.p(1))) && first.contains(PSEUDONYMS.of(cohort.p(1))),
                "the researcher can follow a person from one export to the next");
    }

    private static String line(List<String> lines, int participant) {
        String pseudonym = PSEUDONYMS.of(cohort.p(participant));
        return lines.stream().filter(line -> line.startsWith(pseudonym + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no record of P" + participant));
    }

    private static Map<String, Object> record(JsonPath json, java.util.UUID participant) {
        return json.getMap("records.find { it.pseudonym == '" + PSEUDONYMS.of(participant) + "' }");
    }

    @SuppressWarnings("unchecked")
    private static void conforms(Map<String, Object> column, String value, List<String> failures) {
        String name = (String) column.get("name");
        if (value.isEmpty()) {
            if (!Boolean.TRUE.equals(column.get("nullable"))) {
                failures.add(name + " is empty");
            }
            return;
        }
        if (name.equals("location")) {
            if (!value.equals(cohort.location)) {
                failures.add("location " + value);
            }
            return;
        }
        if ("integer".equals(column.get("type"))) {
            int number = Integer.parseInt(value);
            if (column.get("minimum") != null && number < (Integer) column.get("minimum")
                    || column.get("maximum") != null && number > (Integer) column.get("maximum")) {
                failures.add(name + " " + value + " out of bounds");
            }
        }
        List<String> allowed = (List<String>) column.get("allowedValues");
        if (allowed != null && !allowed.contains(value)) {
            failures.add(name + " " + value + " is not one of " + allowed);
        }
        if (column.get("pattern") != null && !Pattern.compile((String) column.get("pattern")).matcher(value).matches()) {
            failures.add(name + " " + value + " does not match " + column.get("pattern"));
        }
    }
}
