package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A placement: its sector, start, end (and why) and the day it lasted 26 weeks. */
@Entity
@Table(name = "placement_facts")
@IdClass(FactId.class)
public class PlacementFact extends PanacheEntityBase {

    @Id
    public int generation;

    /** The placement id. */
    @Id
    @Column(name = "placement_id")
    public UUID id;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    /** The sector's JSON name, e.g. home-care. */
    public String sector;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    /** The end reason's JSON name, e.g. relocated-by-coa. */
    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "sustained_on")
    public LocalDate sustainedOn;

    /** From this day on the placement no longer counts as sustained (PlacementSustainedWithdrawn). */
    @Column(name = "sustained_withdrawn_on")
    public LocalDate sustainedWithdrawnOn;

    /** The TWV the placement rests on; null for a status holder. */
    @Column(name = "permit_id")
    public UUID permitId;

    /** The contract type's JSON name, e.g. temporary-via-agency. */
    @Column(name = "contract_type")
    public String contractType;
}
