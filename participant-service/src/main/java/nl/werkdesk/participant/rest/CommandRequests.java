package nl.werkdesk.participant.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.WorkExperience;
import nl.werkdesk.participant.domain.Participant.Command;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the commands on an existing participant, each with the command it becomes. */
public final class CommandRequests {

    private CommandRequests() {
    }

    @Schema(description = "The intake interview at the Werkdesk")
    public record CompleteIntakeRequest(
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate completedOn,
            @NotNull @Size(max = 6) Set<@NotNull Sector> sectorPreferences,
            @NotNull LanguageLevel dutchLevel,
            @NotNull LanguageLevel englishLevel,
            @NotNull @Size(max = 20) List<@NotNull @jakarta.validation.Valid WorkExperienceItem> workExperience) {

        Command.CompleteIntake toCommand() {
            return new Command.CompleteIntake(completedOn, sectorPreferences, dutchLevel, englishLevel,
                    workExperience.stream().map(item -> new WorkExperience(item.sector(), item.years())).toList());
        }
    }

    @Schema(name = "WorkExperienceInput", description = "Years of work experience in a sector")
    public record WorkExperienceItem(@NotNull Sector sector,
                                     @NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(60) Integer years) {
    }

    @Schema(description = "Application training, CV help or a job fair the participant took part in")
    public record RecordActivityRequest(@NotNull ActivityType activity,
                                        @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate completedOn) {

        Command.RecordActivity toCommand() {
            return new Command.RecordActivity(activity, completedOn);
        }
    }

    @Schema(description = "COA moved the participant to another reception location")
    public record RelocateRequest(@NotBlank @Size(max = 100) String fromLocation,
                                  @NotBlank @Size(max = 100) String toLocation,
                                  @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate relocatedOn) {

        Command.RelocateByCOA toCommand() {
            return new Command.RelocateByCOA(fromLocation.trim(), toLocation.trim(), relocatedOn);
        }
    }

    @Schema(description = "The IND granted asylum: the participant becomes a status holder")
    public record GrantResidencePermitRequest(@NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate grantedOn) {

        Command.GrantResidencePermit toCommand() {
            return new Command.GrantResidencePermit(grantedOn);
        }
    }

    @Schema(description = "The IND rejected the asylum application")
    public record RejectAsylumApplicationRequest(@NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate rejectedOn) {

        Command.RejectAsylumApplication toCommand() {
            return new Command.RejectAsylumApplication(rejectedOn);
        }
    }

    @Schema(description = "The participant leaves the pilot")
    public record LeavePilotRequest(@NotNull LeaveReason reason,
                                    @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate leftOn) {

        Command.LeavePilot toCommand() {
            return new Command.LeavePilot(reason, leftOn);
        }
    }

    @Schema(description = "Erase the participant's personal data; the pseudonymous journey stays")
    public record ErasePersonalDataRequest(@NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate erasedOn) {

        Command.ErasePersonalData toCommand() {
            return new Command.ErasePersonalData(erasedOn);
        }
    }
}
