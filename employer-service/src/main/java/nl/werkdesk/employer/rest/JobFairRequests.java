package nl.werkdesk.employer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.employer.domain.JobFair.Command;
import nl.werkdesk.employer.domain.KnownParticipant;
import nl.werkdesk.employer.domain.RegisteredEmployer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the job fair commands, each with the command it becomes. */
public final class JobFairRequests {

    /** More employers than any fair in the pilot; bounds the request. */
    static final int MAX_EMPLOYERS = 200;

    private JobFairRequests() {
    }

    @Schema(description = "A job fair (banenmarkt) took place, with these registered employers taking part")
    public record RecordJobFairRequest(
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate heldOn,
            @NotBlank @Size(max = 100) @Schema(examples = "azc Willinklaan") String location,
            @NotNull @Size(min = 1, max = MAX_EMPLOYERS) @Schema(description = "The registered employers that took part")
            List<@NotNull UUID> employerIds) {

        Command.RecordJobFair toCommand(UUID jobFairId, Map<UUID, RegisteredEmployer> registered) {
            return new Command.RecordJobFair(jobFairId, heldOn, location.trim(), List.copyOf(employerIds), registered);
        }
    }

    @Schema(description = "At the job fair, a participant met an employer that took part")
    public record RecordMeetingRequest(
            @NotNull @Schema(description = "The participant's pseudonymous id") UUID participantId,
            @NotNull UUID employerId,
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day they met: the day of the fair")
            LocalDate metOn) {

        Command.RecordMeeting toCommand(KnownParticipant participant) {
            return new Command.RecordMeeting(participantId, employerId, metOn, participant);
        }
    }
}
