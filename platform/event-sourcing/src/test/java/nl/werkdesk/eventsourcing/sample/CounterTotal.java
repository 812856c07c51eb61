package nl.werkdesk.eventsourcing.sample;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A read model: the inline view (appended side) and the consumer view (Kafka side) of a counter's total. */
@Entity
@Table(name = "counter_totals")
public class CounterTotal extends PanacheEntityBase {

    @Id
    @Column(name = "counter_id")
    public UUID counterId;

    @Column(name = "source")
    public String source;

    @Column(nullable = false)
    public int total;
}
