package nl.werkdesk.placement.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.placement.domain.Placement.Command.StartPlacement;
import nl.werkdesk.placement.domain.PlacementFacts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A participant starts work with an employer on a vacancy; where the work is comes from the vacancy")
public record StartPlacementRequest(
        @NotNull UUID participantId,
        @NotNull UUID employerId,
        @NotNull UUID vacancyId,
        @Schema(description = "The TWV the placement rests on, when the caseworker names it (from permit-service). Left out, the "
                + "participant's granted TWV valid on the start date for this employer and vacancy is taken. Not used for a status "
                + "holder, who needs none.", nullable = true)
        UUID permitId,
        @NotNull Sector sector,
        @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The first working day")
        LocalDate startedOn,
        @NotNull @Min(1) @Max(60) Integer hoursPerWeek,
        @NotNull @Min(1) @Max(100_000) @Schema(description = "Gross hourly wage in euro cents", examples = "1425")
        Long hourlyWageCents,
        @NotNull ContractType contractType) {

    StartPlacement toCommand(UUID placementId, PlacementFacts facts) {
        return new StartPlacement(placementId, participantId, employerId, vacancyId, permitId, sector, startedOn, hoursPerWeek,
                hourlyWageCents, contractType, facts);
    }
}
