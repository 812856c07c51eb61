package nl.werkdesk.participant.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.participant.domain.WorkEligibilityPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes the participant queries answer with. */
public final class QueryResponses {

    private QueryResponses() {
    }

    @Schema(name = "ParticipantListItem")
    public record ListItem(UUID participantId, @Schema(nullable = true, description = "Null once erased") String fullName,
                           LocalDate registeredOn, String location,
                           ParticipantResponse.ParticipationStatus status, ParticipantResponse.ResidenceStatus residenceStatus,
                           @Schema(nullable = true) LocalDate intakeCompletedOn, int activityCount,
                           @Schema(nullable = true) LocalDate eligibleFrom, @Schema(nullable = true) LocalDate eligibleUntil,
                           @Schema(nullable = true) LocalDate leftOn) {
    }

    @Schema(name = "JourneyStep", description = "One event of the participant's journey")
    public record JourneyStep(long version, String type, LocalDate occurredOn,
                              @Schema(description = "When it was recorded (UTC)") Instant recordedAt,
                              @Schema(description = "Who recorded it (token subject)") String actor,
                              @Schema(description = "The event's data as published", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT) JsonNode data) {
    }

    @Schema(name = "Journey")
    public record Journey(UUID participantId, List<JourneyStep> steps) {
    }

    @Schema(name = "WorkEligibilityVerdict", description = "Whether the participant may do paid work on a date, and why (not)")
    public record WorkEligibilityResponse(LocalDate on, boolean eligible, @Schema(nullable = true) LocalDate eligibleFrom,
                                          @Schema(nullable = true) LocalDate eligibleUntil,
                                          @Schema(nullable = true, description = "Id of the policy in force on that date; null before the first policy")
                                          String policyInForce,
                                          List<String> reasons) {
    }

    @Schema(name = "WorkEligibilityPolicy", description = "The rules for asylum seekers' paid work from a date on")
    public record PolicyResponse(String id, String name, LocalDate validFrom,
                                 @Schema(nullable = true, description = "Null while no later policy replaces it") LocalDate validUntil,
                                 @Schema(description = "Per asylum track, the wait after the asylum application (ISO 8601 period); a missing track has no access")
                                 java.util.Map<String, String> waitingPeriods,
                                 boolean dublinClaimantsExcluded,
                                 @Schema(nullable = true, description = "Null when there is no such limit") Integer maxWorkWeeksPer52Weeks,
                                 int minimumAge,
                                 @Schema(description = "ISO 8601 period after a rejection until reception ends") String departureTerm) {

        static PolicyResponse of(WorkEligibilityPolicy policy, LocalDate validUntil) {
            java.util.Map<String, String> waits = new java.util.TreeMap<>();
            policy.waitingPeriods().forEach((track, period) ->
                    waits.put(track.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), period.toString()));
            return new PolicyResponse(policy.id(), policy.name(), policy.validFrom(), validUntil, waits,
                    policy.dublinClaimantsExcluded(),
                    policy.maxWorkWeeksPer52Weeks().isPresent() ? policy.maxWorkWeeksPer52Weeks().getAsInt() : null,
                    policy.minimumAge(), periodText(policy.departureTerm()));
        }

        private static String periodText(Period period) {
            return period.toString();
        }
    }
}
