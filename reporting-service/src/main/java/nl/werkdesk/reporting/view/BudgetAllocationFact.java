package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** Budget allocated to a phase. */
@Entity
@Table(name = "budget_allocation_facts")
@IdClass(FactId.class)
public class BudgetAllocationFact extends PanacheEntityBase {

    @Id
    public int generation;

    /** The allocation id. */
    @Id
    @Column(name = "allocation_id")
    public UUID id;

    @Column(nullable = false)
    public int phase;

    @Column(name = "amount_cents", nullable = false)
    public long amountCents;

    @Column(name = "allocated_on", nullable = false)
    public LocalDate allocatedOn;
}
