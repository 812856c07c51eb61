package nl.werkdesk.placement.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.RiskReason;
import nl.werkdesk.placement.view.PlacementSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The items of the placement list (a kernel {@code Page} of them). */
public final class QueryResponses {

    private QueryResponses() {
    }

    @Schema(name = "PlacementListItem")
    public record ListItem(UUID placementId, UUID participantId, UUID employerId, UUID vacancyId, Sector sector, String location,
                           LocalDate startedOn, int hoursPerWeek, long hourlyWageCents, ContractType contractType,
                           PlacementResponse.PlacementStatus status, boolean atRisk,
                           @Schema(description = "The open risks") List<RiskReason> riskReasons,
                           @Schema(nullable = true, description = "The day the oldest open risk was flagged") LocalDate atRiskSince,
                           @Schema(nullable = true) LocalDate sustainedOn, @Schema(nullable = true) LocalDate endedOn,
                           @Schema(nullable = true) EndReason endReason) {

        static ListItem of(PlacementSummary row) {
            List<RiskReason> risks = row.risks();
            return new ListItem(row.placementId, row.participantId, row.employerId, row.vacancyId, row.sector, row.location,
                    row.startedOn, row.hoursPerWeek, row.hourlyWageCents, row.contractType,
                    PlacementResponse.PlacementStatus.valueOf(row.status.name()), !risks.isEmpty(), risks, row.atRiskSince,
                    row.sustainedOn, row.endedOn, row.endReason);
        }
    }
}
