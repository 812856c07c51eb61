package nl.werkdesk.permit.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import nl.werkdesk.permit.domain.Facts;
import nl.werkdesk.permit.domain.Facts.ParticipantStanding;
import nl.werkdesk.permit.domain.Permit.Command;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the permit commands, each with the command it becomes. */
public final class PermitRequests {

    static final long MAX_HOURLY_WAGE_CENTS = 100_000;
    static final int MAX_HOURS_PER_WEEK = 60;

    private PermitRequests() {
    }

    @Schema(description = "The employer requested a TWV at UWV for one participant and one job")
    public record RequestTwvRequest(
            @NotNull @Schema(description = "The participant (pseudonymous id from participant-service)") UUID participantId,
            @NotNull @Schema(description = "The employer (id from employer-service)") UUID employerId,
            @NotNull @Schema(description = "The vacancy: the job the TWV is for") UUID vacancyId,
            @NotNull @Min(1) @Max(MAX_HOURLY_WAGE_CENTS) @Schema(description = "Gross wage per hour in euro cents", examples = "1450")
            Long hourlyWageCents,
            @NotNull @Min(1) @Max(MAX_HOURS_PER_WEEK) Integer hoursPerWeek,
            @NotNull @Schema(description = "Intended first working day") LocalDate startDate,
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day the employer requested the TWV")
            LocalDate requestedOn,
            @NotNull @Schema(description = "Whether an intermediary handles the paperwork for the employer") Boolean viaIntermediary) {

        Command.RequestTwv toCommand(UUID permitId, Facts facts) {
            return new Command.RequestTwv(permitId, participantId, employerId, vacancyId, hourlyWageCents, hoursPerWeek, startDate,
                    requestedOn, viaIntermediary, facts);
        }
    }

    @Schema(description = "The application is complete: UWV's legal term to decide runs from this day")
    public record CompleteApplicationRequest(@NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate completedOn) {

        Command.CompleteApplication toCommand(Period decisionTerm) {
            return new Command.CompleteApplication(completedOn, decisionTerm);
        }
    }

    public enum DecisionOutcome {
        @JsonProperty("granted") GRANTED,
        @JsonProperty("refused") REFUSED
    }

    @Schema(description = "UWV's decision: granted with its validity, or refused with a reason")
    public record DecisionRequest(
            @NotNull DecisionOutcome outcome,
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day UWV decided") LocalDate decidedOn,
            @Schema(description = "Granted only: the first valid day") LocalDate validFrom,
            @Schema(description = "Granted only: the last valid day; the end of the participant's W-document when left out") LocalDate validUntil,
            @Schema(description = "Refused only: why UWV refused") RefusalReason refusalReason) {

        /** Which fields belong to which outcome is a matter of the request's shape: a 400 naming the field. */
        Command toCommand(ParticipantStanding participant) {
            if (outcome == DecisionOutcome.GRANTED) {
                absent("refusalReason", refusalReason, "a grant");
                if (validFrom == null) {
                    throw new InvalidParameter("validFrom", "is required when the TWV is granted");
                }
                return new Command.GrantTwv(decidedOn, validFrom, validUntil, participant);
            }
            absent("validFrom", validFrom, "a refusal");
            absent("validUntil", validUntil, "a refusal");
            if (refusalReason == null) {
                throw new InvalidParameter("refusalReason", "is required when the TWV is refused");
            }
            return new Command.RefuseTwv(decidedOn, refusalReason);
        }

        private static void absent(String field, Object value, String what) {
            if (value != null) {
                throw new InvalidParameter(field, "is not part of " + what);
            }
        }
    }

    @Schema(description = "The employer withdrew the request")
    public record WithdrawalRequest(@NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate withdrawnOn) {

        Command.WithdrawTwv toCommand() {
            return new Command.WithdrawTwv(withdrawnOn);
        }
    }

    @Schema(description = "A granted TWV reached the end of its validity")
    public record ExpiryRequest(@NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE)
                                @Schema(description = "The first day the TWV is no longer valid") LocalDate expiredOn) {

        Command.ExpireTwv toCommand() {
            return new Command.ExpireTwv(expiredOn);
        }
    }
}
