package nl.werkdesk.placement.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.eventsourcing.command.CommandResult;
import nl.werkdesk.placement.domain.Placement;
import nl.werkdesk.placement.domain.PlacementEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Placement", description = "A participant's job with one employer, as of its latest event")
public record PlacementResponse(
        UUID placementId,
        @Schema(description = "Stream version; also the ETag") long version,
        PlacementStatus status,
        UUID participantId,
        UUID employerId,
        UUID vacancyId,
        @Schema(nullable = true, description = "The granted TWV the placement rests on; null for a status holder") UUID permitId,
        Sector sector,
        @Schema(description = "Where the work is, from the vacancy") String location,
        LocalDate startedOn,
        int hoursPerWeek,
        @Schema(description = "Gross hourly wage in euro cents") long hourlyWageCents,
        ContractType contractType,
        @Schema(description = "True while an active placement has a risk the caseworker has not yet resolved") boolean atRisk,
        @Schema(description = "The open risks, each with the day it was flagged") List<Placement.Risk> risks,
        @Schema(nullable = true, description = "The day the placement counted as sustained (26 weeks), once it has; null again when an end dated before it is recorded later, which withdraws it") LocalDate sustainedOn,
        @Schema(nullable = true) LocalDate endedOn,
        @Schema(nullable = true) EndReason endReason) {

    public enum PlacementStatus {
        @JsonProperty("active") ACTIVE,
        @JsonProperty("ended") ENDED
    }

    static Uni<PlacementResponse> render(CommandResult<Placement.State, PlacementEvent> result) {
        return Uni.createFrom().item(of(result.state(), result.version()));
    }

    static PlacementResponse of(Placement.State state, long version) {
        Placement.Details placement = Placement.detailsOf(state);
        Placement.State.Ended ended = state instanceof Placement.State.Ended e ? e : null;
        List<Placement.Risk> risks = ended == null ? placement.risks() : List.of();
        return new PlacementResponse(placement.placementId(), version, ended == null ? PlacementStatus.ACTIVE : PlacementStatus.ENDED,
                placement.participantId(), placement.employerId(), placement.vacancyId(), placement.permitId(), placement.sector(),
                placement.location(), placement.startedOn(), placement.hoursPerWeek(), placement.hourlyWageCents(),
                placement.contractType(), !risks.isEmpty(), risks, placement.sustainedOn(),
                ended == null ? null : ended.endedOn(), ended == null ? null : ended.reason());
    }
}
