package nl.werkdesk.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.core.DeciderScenario;
import nl.werkdesk.reporting.domain.MicrodataExportEvent.MicrodataExported;
import nl.werkdesk.reporting.domain.MicrodataExport.Command.RecordExport;
import org.junit.jupiter.api.Test;

class MicrodataExportTest {

    static final UUID EXPORT = UUID.fromString("7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    static final LocalDate OCTOBER_16 = LocalDate.of(2025, 10, 16);
    static final LocalDate DECEMBER_1 = LocalDate.of(2025, 12, 1);
    static final Instant AT = Instant.parse("2025-12-01T09:30:00Z");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final List<String> STEPS = List.of("enrolment-month-to-quarter");

    static DeciderScenario<MicrodataExport.Command, MicrodataExport.State, MicrodataExportEvent> export() {
        return DeciderScenario.with(MicrodataExport.DECIDER);
    }

    static RecordExport record(int rows, int k, Integer kReached, String sha) {
        return new RecordExport(EXPORT, "dev-researcher", DECEMBER_1, AT, OCTOBER_16, "Willinklaan", null, "csv", rows, k, kReached, STEPS,
                2, sha);
    }

    static final MicrodataExported RECORDED = new MicrodataExported(EXPORT, "dev-researcher", DECEMBER_1, AT, OCTOBER_16, "Willinklaan",
            null, "csv", 120, 5, 7, STEPS, 2, SHA);

    @Test
    void recordsAnExportWithWhoWhenTheScopeTheRecordsKAndTheFilesHash() {
        export().given().when(record(120, 5, 7, SHA)).then(RECORDED);
    }

    @Test
    void recordsAnExportOnce() {
        export().given(RECORDED).when(record(120, 5, 7, SHA)).rejectedWith(MicrodataExportRejection.EXPORT_ALREADY_RECORDED);
    }

    @Test
    void refusesAKBelowTheAgreementsFloor() {
        export().given().when(record(120, 4, 7, SHA)).rejectedOn("k", MicrodataExportRejection.K_BELOW_AGREEMENT);
    }

    @Test
    void refusesAKReachedBelowKOrWithoutRecords() {
        export().given().when(record(120, 5, 4, SHA)).rejectedOn("kReached", MicrodataExportRejection.K_NOT_REACHED);
        export().given().when(record(120, 5, null, SHA)).rejectedOn("kReached", MicrodataExportRejection.K_NOT_REACHED);
        export().given().when(record(0, 5, 5, SHA)).rejectedOn("kReached", MicrodataExportRejection.K_NOT_REACHED);
        export().given().when(record(0, 5, null, SHA)).then(new MicrodataExported(EXPORT, "dev-researcher", DECEMBER_1, AT, OCTOBER_16,
                "Willinklaan", null, "csv", 0, 5, null, STEPS, 2, SHA));
    }

    @Test
    void refusesSomethingThatIsNoSha256() {
        export().given().when(record(120, 5, 7, "not-a-hash")).rejectedOn("sha256", MicrodataExportRejection.NOT_A_SHA_256);
    }

    @Test
    void refusesAnAsOfAfterTheExport() {
        export().given().when(new RecordExport(EXPORT, "dev-researcher", OCTOBER_16, AT, DECEMBER_1, null, null, "json", 1, 5, 5, List.of(),
                0, SHA)).rejectedOn("asOf", MicrodataExportRejection.AS_OF_AFTER_EXPORT);
    }
}
