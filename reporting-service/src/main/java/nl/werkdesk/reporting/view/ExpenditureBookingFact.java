package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** Money spent, at a location or programme-wide (location null), as booked. */
@Entity
@Table(name = "expenditure_booking_facts")
@IdClass(FactId.class)
public class ExpenditureBookingFact extends PanacheEntityBase {

    @Id
    public int generation;

    /** The booking id. */
    @Id
    @Column(name = "booking_id")
    public UUID id;

    /** The category's JSON name, e.g. intermediary-fees. */
    @Column(nullable = false)
    public String category;

    @Column(name = "amount_cents", nullable = false)
    public long amountCents;

    public String location;

    @Column(name = "booked_on", nullable = false)
    public LocalDate bookedOn;
}
