package nl.werkdesk.employer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.TwvIntermediary;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes the list and history queries answer with. */
public final class QueryResponses {

    private QueryResponses() {
    }

    @Schema(name = "EmployerListItem", description = "An employer, without its contact person")
    public record EmployerListItem(UUID employerId, String tradeName, String kvkNumber, Sector sector,
                                   boolean temporaryEmploymentAgency, LocalDate registeredOn,
                                   @Schema(nullable = true, description = "Null when the employer applies for TWVs itself")
                                   TwvIntermediaryResponse twvIntermediary) {
    }

    @Schema(name = "TwvIntermediary", description = "An intermediary takes the employer's TWV paperwork from a date on")
    public record TwvIntermediaryResponse(LocalDate from,
                                          @Schema(nullable = true, description = "The last day (inclusive); null when open-ended") LocalDate until) {

        static TwvIntermediaryResponse of(TwvIntermediary intermediary) {
            return intermediary == null ? null : new TwvIntermediaryResponse(intermediary.from(), intermediary.until());
        }
    }

    @Schema(name = "JobFairListItem")
    public record JobFairListItem(UUID jobFairId, LocalDate heldOn, String location, int meetingCount) {
    }

    @Schema(name = "EmployerHistoryEntry", description = "One event of the employer, of one of its vacancies or of a job fair it took part in")
    public record HistoryEntry(
            @Schema(description = "employer, vacancy or job-fair") String streamType,
            @Schema(description = "The employer's, vacancy's or job fair's id") UUID streamId,
            @Schema(description = "Version of the event within its stream") long version,
            String type,
            @Schema(description = "The business date of the event") LocalDate occurredOn,
            @Schema(description = "When it was recorded (UTC)") Instant recordedAt,
            @Schema(description = "Who recorded it (token subject)") String actor,
            @Schema(description = "The event's data as stored, in the fields werkdesk.employers.v1 publishes", type = SchemaType.OBJECT) JsonNode data) {
    }

    @Schema(name = "EmployerHistory", description = "The employer's timeline, by business date")
    public record EmployerHistory(UUID employerId, List<HistoryEntry> entries) {
    }

    @Schema(name = "MinimumWage", description = "The statutory minimum wage (gross, per hour, adults) from a date on")
    public record MinimumWageResponse(LocalDate validFrom,
                                      @Schema(nullable = true, description = "Last day; null for the rate in force now and later") LocalDate validUntil,
                                      @Schema(description = "Gross hourly minimum wage in euro cents") long hourlyCents) {
    }
}
