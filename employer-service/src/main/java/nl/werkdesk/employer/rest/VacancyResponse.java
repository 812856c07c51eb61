package nl.werkdesk.employer.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.employer.domain.Vacancy;
import nl.werkdesk.employer.domain.Vacancy.Posting;
import nl.werkdesk.employer.view.VacancySummary;
import nl.werkdesk.eventsourcing.command.CommandResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Vacancy", description = "A vacancy of a registered employer")
public record VacancyResponse(
        UUID vacancyId,
        @Schema(description = "Stream version; also the ETag") long version,
        UUID employerId,
        VacancyStatus status,
        LocalDate openedOn,
        String title,
        Sector sector,
        int hoursPerWeek,
        @Schema(description = "Gross wage per hour in euro cents") long hourlyWageCents,
        LanguageLevel requiredDutchLevel,
        String location,
        @Schema(nullable = true) LocalDate filledOn,
        @Schema(nullable = true, description = "The participant who got the job; null when filled outside the pilot or not filled")
        UUID participantId,
        @Schema(nullable = true) LocalDate closedOn) {

    public enum VacancyStatus {
        @JsonProperty("open") OPEN,
        @JsonProperty("filled") FILLED,
        @JsonProperty("closed") CLOSED;

        static VacancyStatus of(VacancySummary.Status status) {
            return valueOf(status.name());
        }
    }

    static Uni<VacancyResponse> render(CommandResult<Vacancy.State, Vacancy.Event> result) {
        return Uni.createFrom().item(() -> of(result.state(), result.version()));
    }

    static VacancyResponse of(Vacancy.State state, long version) {
        Posting posting = Vacancy.postingOf(state);
        VacancyStatus status = VacancyStatus.OPEN;
        LocalDate filledOn = null;
        UUID participantId = null;
        LocalDate closedOn = null;
        if (state instanceof Vacancy.State.Filled filled) {
            status = VacancyStatus.FILLED;
            filledOn = filled.filledOn();
            participantId = filled.participantId();
        } else if (state instanceof Vacancy.State.Closed closed) {
            status = VacancyStatus.CLOSED;
            closedOn = closed.closedOn();
        }
        return new VacancyResponse(posting.vacancyId(), version, posting.employerId(), status, posting.openedOn(), posting.title(),
                posting.sector(), posting.hoursPerWeek(), posting.hourlyWageCents(), posting.requiredDutchLevel(), posting.location(),
                filledOn, participantId, closedOn);
    }

    /** A row of the vacancy list, in the same shape. */
    static VacancyResponse of(VacancySummary row) {
        return new VacancyResponse(row.vacancyId, row.version, row.employerId, VacancyStatus.of(row.status), row.openedOn, row.title,
                row.sector, row.hoursPerWeek, row.hourlyWageCents, row.requiredDutchLevel, row.location, row.filledOn,
                row.participantId, row.closedOn);
    }
}
