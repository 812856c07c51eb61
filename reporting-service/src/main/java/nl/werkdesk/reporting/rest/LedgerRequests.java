package nl.werkdesk.reporting.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Command;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The finance controller's commands on the programme ledger. Amounts are whole euro cents. */
public final class LedgerRequests {

    static final String NOT_IN_FUTURE = "lies in the future: record what has happened, on the day it happened";
    /** One billion euro: far above any pilot, far below an overflow when amounts are added up. */
    static final long MAX_CENTS = 100_000_000_000L;

    private LedgerRequests() {
    }

    @Schema(name = "AllocateBudgetRequest", description = "Allocate budget to a phase of the pilot")
    public record AllocateBudgetRequest(
            @NotNull @Min(1) @Max(1000) @Schema(description = "The pilot phase", examples = "1") Integer phase,
            @NotNull @Positive @Max(MAX_CENTS) @Schema(description = "Euro cents", examples = "75000000") Long amountCents,
            @NotNull @PastOrPresent(message = NOT_IN_FUTURE) @Schema(description = "The day the budget was allocated") LocalDate allocatedOn) {

        Command toCommand() {
            return new Command.AllocateBudget(UUID.randomUUID(), phase, amountCents, allocatedOn);
        }
    }

    @Schema(name = "BookExpenditureRequest", description = "Book money spent, at a location or programme-wide")
    public record BookExpenditureRequest(
            @NotNull ExpenditureCategory category,
            @NotNull @Positive @Max(MAX_CENTS) @Schema(description = "Euro cents", examples = "1250000") Long amountCents,
            @Pattern(regexp = ".*\\S.*", message = "must not be blank; leave it out for a programme-wide cost")
            @Schema(description = "The reception location the money was spent for; left out for a programme-wide cost",
                    examples = "Willinklaan") String location,
            @NotNull @PastOrPresent(message = NOT_IN_FUTURE) @Schema(description = "The day the money was spent") LocalDate bookedOn) {

        Command toCommand() {
            return new Command.BookExpenditure(UUID.randomUUID(), category, amountCents, location == null ? null : location.trim(), bookedOn);
        }
    }

    @Schema(name = "CorrectExpenditureRequest",
            description = "Correct a booking by a reversing amount (negative reduces it); the booking itself is never changed")
    public record CorrectExpenditureRequest(
            @NotNull @Min(-MAX_CENTS) @Max(MAX_CENTS) @Schema(description = "Euro cents added to the booking; not zero", examples = "-250000")
            Long amountCents,
            @NotNull @PastOrPresent(message = NOT_IN_FUTURE) @Schema(description = "The day of the correction") LocalDate correctedOn) {

        Command toCommand(UUID bookingId) {
            return new Command.CorrectExpenditure(UUID.randomUUID(), bookingId, amountCents, correctedOn);
        }
    }
}
