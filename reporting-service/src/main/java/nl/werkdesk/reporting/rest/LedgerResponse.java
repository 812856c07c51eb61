package nl.werkdesk.reporting.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.reporting.domain.ProgrammeLedger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgrammeLedger", description = "The pilot's money: budget per phase and expenditure, in euro cents")
public record LedgerResponse(
        UUID ledgerId,
        @Schema(description = "Stream version; also the ETag") long version,
        long budgetCents,
        @Schema(description = "Bookings after their corrections") long spentCents,
        @Schema(description = "budgetCents - spentCents; negative when overspent") long remainingCents,
        List<AllocationResponse> allocations,
        List<BookingResponse> bookings,
        @Schema(nullable = true, description = "What the latest change made; null for an empty ledger") ChangeResponse latestChange) {

    @Schema(name = "BudgetAllocation")
    public record AllocationResponse(UUID allocationId, int phase, long amountCents, LocalDate allocatedOn) {
    }

    @Schema(name = "ExpenditureBooking")
    public record BookingResponse(UUID bookingId, ExpenditureCategory category,
                                  @Schema(nullable = true, description = "Null for a programme-wide cost") String location,
                                  LocalDate bookedOn,
                                  @Schema(description = "As booked") long bookedCents,
                                  @Schema(description = "After the corrections") long amountCents,
                                  List<CorrectionResponse> corrections) {
    }

    @Schema(name = "ExpenditureCorrection")
    public record CorrectionResponse(UUID correctionId, long amountCents, LocalDate correctedOn) {
    }

    @Schema(name = "LedgerChange", description = "The allocation, booking or correction the latest command made")
    public record ChangeResponse(
            @Schema(enumeration = {"budget-allocated", "expenditure-booked", "expenditure-corrected"}) String type,
            UUID id) {
    }

    static LedgerResponse of(UUID ledgerId, ProgrammeLedger.Ledger ledger, long version) {
        return new LedgerResponse(ledgerId, version, ledger.budgetCents(), ledger.spentCents(), ledger.budgetCents() - ledger.spentCents(),
                ledger.allocations().stream()
                        .map(a -> new AllocationResponse(a.allocationId(), a.phase(), a.amountCents(), a.allocatedOn())).toList(),
                ledger.bookings().stream().map(b -> new BookingResponse(b.bookingId(), b.category(), b.location(), b.bookedOn(),
                        b.bookedCents(), b.amountCents(), b.corrections().stream()
                        .map(c -> new CorrectionResponse(c.correctionId(), c.amountCents(), c.correctedOn())).toList())).toList(),
                ledger.latestChange() == null ? null : new ChangeResponse(ledger.latestChange().type(), ledger.latestChange().id()));
    }
}
