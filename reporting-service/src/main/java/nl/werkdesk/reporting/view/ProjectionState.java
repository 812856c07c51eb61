package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row that says which generation of the projections the metrics read, and which one a rebuild fills. */
@Entity
@Table(name = "projection_state")
public class ProjectionState extends PanacheEntityBase {

    public static final short ID = 1;

    @Id
    public short id;

    @Column(name = "live_generation", nullable = false)
    public int liveGeneration;

    @Column(name = "building_generation")
    public Integer buildingGeneration;
}
