package nl.werkdesk.participant.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.eventsourcing.command.CommandResult;
import nl.werkdesk.participant.domain.Participant;
import nl.werkdesk.participant.domain.Participant.Journey;
import nl.werkdesk.participant.domain.ParticipantEvent;
import nl.werkdesk.participant.view.PersonalData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Participant", description = "A participant's journey through the pilot, as of its latest event")
public record ParticipantResponse(
        UUID participantId,
        @Schema(description = "Stream version; also the ETag") long version,
        ParticipationStatus status,
        LocalDate registeredOn,
        @Schema(description = "Current reception location") String location,
        LocalDate asylumApplicationDate,
        AsylumTrack asylumTrack,
        WDocumentType wDocumentType,
        LocalDate wDocumentValidUntil,
        List<String> languages,
        WorkEligibilityWindow workEligibility,
        ResidenceStatus residenceStatus,
        LocalDate residenceStatusSince,
        @Schema(nullable = true, description = "Set once the asylum application is rejected") LocalDate receptionEndsOn,
        @Schema(nullable = true, description = "Null until the intake is completed") Participant.Intake intake,
        List<Participant.Activity> activities,
        @Schema(nullable = true) LocalDate leftOn,
        @Schema(nullable = true) LeaveReason leaveReason,
        @Schema(nullable = true, description = "Null once erased") PersonalDataResponse personalData,
        @Schema(nullable = true) LocalDate personalDataErasedOn) {

    public enum ParticipationStatus {
        @JsonProperty("active") ACTIVE,
        @JsonProperty("left") LEFT
    }

    public enum ResidenceStatus {
        @JsonProperty("asylum-seeker") ASYLUM_SEEKER,
        @JsonProperty("status-holder") STATUS_HOLDER,
        @JsonProperty("rejected") REJECTED;

        static ResidenceStatus of(Participant.ResidenceStatus status) {
            return valueOf(status.name());
        }
    }

    @Schema(name = "WorkEligibility", description = "When the participant may work in paid employment, as judged at registration")
    public record WorkEligibilityWindow(
            @Schema(nullable = true, description = "Null when the participant may not work at all") LocalDate from,
            @Schema(nullable = true, description = "The end of the W-document; null when open-ended") LocalDate until,
            @Schema(description = "The policy in force on from (or on registration)") String policy,
            @Schema(nullable = true, description = "Why the participant may never work; null when from is set") String reason) {

        static WorkEligibilityWindow of(WorkEligibility eligibility) {
            return new WorkEligibilityWindow(eligibility.from(), eligibility.until(), eligibility.policy(), eligibility.reason());
        }
    }

    @Schema(name = "ParticipantPersonalData")
    public record PersonalDataResponse(String fullName, LocalDate dateOfBirth, String nationality, String vNumber,
                                       @Schema(nullable = true) String phone) {

        static PersonalDataResponse of(PersonalData data) {
            return data == null ? null : new PersonalDataResponse(data.fullName, data.dateOfBirth, data.nationality, data.vNumber, data.phone);
        }
    }

    /** The response to a command or a read: the state at a version, with the personal data if not erased. */
    static Uni<ParticipantResponse> render(CommandResult<Participant.State, ParticipantEvent> result) {
        return PersonalData.<PersonalData>findById(result.streamId())
                .map(personalData -> of(result.state(), result.version(), personalData));
    }

    static ParticipantResponse of(Participant.State state, long version, PersonalData personalData) {
        Journey journey = Participant.journeyOf(state);
        Participant.State.Left left = state instanceof Participant.State.Left l ? l : null;
        return new ParticipantResponse(journey.participantId(), version,
                left == null ? ParticipationStatus.ACTIVE : ParticipationStatus.LEFT,
                journey.registeredOn(), journey.location(), journey.asylumApplicationDate(), journey.asylumTrack(),
                journey.wDocument().type(), journey.wDocument().validUntil(), journey.languages(),
                WorkEligibilityWindow.of(journey.workEligibility()),
                ResidenceStatus.of(journey.residenceStatus()), journey.residenceStatusSince(), journey.receptionEndsOn(),
                journey.intake(), journey.activities(), left == null ? null : left.leftOn(), left == null ? null : left.reason(),
                PersonalDataResponse.of(personalData), journey.personalDataErasedOn());
    }
}
