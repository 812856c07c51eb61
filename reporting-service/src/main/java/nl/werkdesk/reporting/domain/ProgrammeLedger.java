package nl.werkdesk.reporting.domain;

import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.AMOUNT_NOT_POSITIVE;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.BOOKING_BELOW_ZERO;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.CORRECTION_BEFORE_BOOKING;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.CORRECTION_OF_ZERO;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.NOT_A_PILOT_LOCATION;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.NOT_A_PILOT_PHASE;
import static nl.werkdesk.reporting.domain.ProgrammeLedgerRejection.UNKNOWN_BOOKING;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent.BudgetAllocated;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent.ExpenditureBooked;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent.ExpenditureCorrected;

/**
 * The pilot's money: budget allocated per phase and expenditure booked, in euro cents. A booking is never
 * changed: a correction is an event of its own that adds a (usually negative) amount, and may not take the
 * booking below zero. Pure: the ledger's id, the phases and the locations come in when the decider is made.
 */
public final class ProgrammeLedger {

    /** What the decider needs to know besides the history: whose ledger, which phases, which locations. */
    public record Rules(UUID ledgerId, Set<Integer> phases, Set<String> locations) {
    }

    public sealed interface Command {
        record AllocateBudget(UUID allocationId, int phase, long amountCents, LocalDate allocatedOn) implements Command {}

        /** {@code location} null: a programme-wide cost. */
        record BookExpenditure(UUID bookingId, ExpenditureCategory category, long amountCents, String location,
                               LocalDate bookedOn) implements Command {}

        /** {@code amountCents} is added to the booking: negative reduces it. */
        record CorrectExpenditure(UUID correctionId, UUID bookingId, long amountCents, LocalDate correctedOn) implements Command {}
    }

    public record Allocation(UUID allocationId, int phase, long amountCents, LocalDate allocatedOn) {}

    public record Correction(UUID correctionId, long amountCents, LocalDate correctedOn) {}

    public record Booking(UUID bookingId, ExpenditureCategory category, long bookedCents, String location, LocalDate bookedOn,
                          List<Correction> corrections) {

        /** What the booking stands at after its corrections. */
        public long amountCents() {
            return bookedCents + corrections.stream().mapToLong(Correction::amountCents).sum();
        }

        Booking corrected(Correction correction) {
            List<Correction> all = new ArrayList<>(corrections);
            all.add(correction);
            return new Booking(bookingId, category, bookedCents, location, bookedOn, List.copyOf(all));
        }
    }

    /** The kind and id of the allocation, booking or correction the latest event made. */
    public record Change(String type, UUID id) {}

    /** The ledger: allocations and bookings in the order they were made. Empty before its first event. */
    public record Ledger(List<Allocation> allocations, List<Booking> bookings, Change latestChange) {

        public static final Ledger EMPTY = new Ledger(List.of(), List.of(), null);

        public long budgetCents() {
            return allocations.stream().mapToLong(Allocation::amountCents).sum();
        }

        public long spentCents() {
            return bookings.stream().mapToLong(Booking::amountCents).sum();
        }

        public Optional<Booking> booking(UUID bookingId) {
            return bookings.stream().filter(booking -> booking.bookingId().equals(bookingId)).findFirst();
        }
    }

    private ProgrammeLedger() {
    }

    public static Decider<Command, Ledger, ProgrammeLedgerEvent> decider(Rules rules) {
        return new Decider<>(Ledger.EMPTY, (command, ledger) -> decide(command, ledger, rules), ProgrammeLedger::evolve);
    }

    static List<ProgrammeLedgerEvent> decide(Command command, Ledger ledger, Rules rules) {
        if (command instanceof Command.AllocateBudget allocate) {
            positive("amountCents", allocate.amountCents());
            if (!rules.phases().contains(allocate.phase())) {
                throw new Rejected(NOT_A_PILOT_PHASE, "phase", "is not a phase of the pilot; the phases are "
                        + rules.phases().stream().sorted().toList());
            }
            return List.of(new BudgetAllocated(rules.ledgerId(), allocate.allocationId(), allocate.phase(), allocate.amountCents(),
                    allocate.allocatedOn()));
        }
        if (command instanceof Command.BookExpenditure book) {
            positive("amountCents", book.amountCents());
            if (book.location() != null && !rules.locations().contains(book.location())) {
                throw new Rejected(NOT_A_PILOT_LOCATION, "location", "must be one of the pilot's locations "
                        + rules.locations().stream().sorted().toList() + ", or left out for a programme-wide cost");
            }
            return List.of(new ExpenditureBooked(rules.ledgerId(), book.bookingId(), book.category(), book.amountCents(),
                    book.location(), book.bookedOn()));
        }
        if (command instanceof Command.CorrectExpenditure correct) {
            Booking booking = ledger.booking(correct.bookingId())
                    .orElseThrow(() -> new Rejected(UNKNOWN_BOOKING, "bookingId", "is not a booking of this ledger"));
            if (correct.amountCents() == 0) {
                throw new Rejected(CORRECTION_OF_ZERO, "amountCents", "must not be zero: a correction changes the booking");
            }
            if (correct.correctedOn().isBefore(booking.bookedOn())) {
                throw new Rejected(CORRECTION_BEFORE_BOOKING, "correctedOn", "lies before the booking on " + booking.bookedOn());
            }
            if (booking.amountCents() + correct.amountCents() < 0) {
                throw new Rejected(BOOKING_BELOW_ZERO, "amountCents", "would take the booking below zero: it stands at "
                        + booking.amountCents() + " cents");
            }
            return List.of(new ExpenditureCorrected(rules.ledgerId(), correct.correctionId(), correct.bookingId(),
                    correct.amountCents(), correct.correctedOn()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    static Ledger evolve(Ledger ledger, ProgrammeLedgerEvent event) {
        if (event instanceof BudgetAllocated allocated) {
            List<Allocation> allocations = new ArrayList<>(ledger.allocations());
            allocations.add(new Allocation(allocated.allocationId(), allocated.phase(), allocated.amountCents(), allocated.allocatedOn()));
            return new Ledger(List.copyOf(allocations), ledger.bookings(), new Change("budget-allocated", allocated.allocationId()));
        }
        if (event instanceof ExpenditureBooked booked) {
            List<Booking> bookings = new ArrayList<>(ledger.bookings());
            bookings.add(new Booking(booked.bookingId(), booked.category(), booked.amountCents(), booked.location(), booked.bookedOn(),
                    List.of()));
            return new Ledger(ledger.allocations(), List.copyOf(bookings), new Change("expenditure-booked", booked.bookingId()));
        }
        if (event instanceof ExpenditureCorrected corrected) {
            Correction correction = new Correction(corrected.correctionId(), corrected.amountCents(), corrected.correctedOn());
            List<Booking> bookings = ledger.bookings().stream()
                    .map(booking -> booking.bookingId().equals(corrected.bookingId()) ? booking.corrected(correction) : booking)
                    .toList();
            return new Ledger(ledger.allocations(), bookings, new Change("expenditure-corrected", corrected.correctionId()));
        }
        return ledger;
    }

    private static void positive(String field, long amountCents) {
        if (amountCents <= 0) {
            throw new Rejected(AMOUNT_NOT_POSITIVE, field, "must be more than zero (an amount in euro cents)");
        }
    }
}
