package nl.werkdesk.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happens to an export of the researcher's records, in reporting-service's own words, as its store keeps them. Published
 * on werkdesk.programme.v1 through the service's publication.
 */
public sealed interface MicrodataExportEvent {

    /** The business date of the event. */
    LocalDate occurredOn();

    /**
     * The researcher exported records: who (the token's subject), when, the scope (asOf, location and phase, null for all),
     * the format, the records, the k required and reached (null without records), the generalisations applied, the records
     * suppressed, and the SHA-256 of the file as sent.
     */
    record MicrodataExported(UUID exportId, String exportedBy, LocalDate exportedOn, Instant exportedAt, LocalDate asOf, String location,
                             Integer phase, String format, int rows, int k, Integer kReached, List<String> generalisations,
                             int rowsSuppressed, String sha256) implements MicrodataExportEvent {
        @Override
        public LocalDate occurredOn() {
            return exportedOn;
        }
    }
}
