package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A reversing amount added to a booking on the day of the correction. */
@Entity
@Table(name = "expenditure_correction_facts")
@IdClass(FactId.class)
public class ExpenditureCorrectionFact extends PanacheEntityBase {

    @Id
    public int generation;

    /** The correction id. */
    @Id
    @Column(name = "correction_id")
    public UUID id;

    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;

    @Column(name = "amount_cents", nullable = false)
    public long amountCents;

    @Column(name = "corrected_on", nullable = false)
    public LocalDate correctedOn;
}
