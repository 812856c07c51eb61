package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant's enrolment (which fixes their scope: location and phase), intake, first activities, leaving, and the
 * non-identifying attributes the researcher's export shows.
 */
@Entity
@Table(name = "participant_facts")
@IdClass(FactId.class)
public class ParticipantFact extends PanacheEntityBase {

    @Id
    public int generation;

    /** The participant id. */
    @Id
    @Column(name = "participant_id")
    public UUID id;

    /** Where the participant enrolled; null until the registration has arrived. */
    public String location;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    @Column(name = "intake_completed_on")
    public LocalDate intakeCompletedOn;

    /** The earliest application training, CV help or job fair (at the Werkdesk or meeting an employer there). */
    @Column(name = "first_activity_on")
    public LocalDate firstActivityOn;

    @Column(name = "first_application_training_on")
    public LocalDate firstApplicationTrainingOn;

    @Column(name = "first_cv_help_on")
    public LocalDate firstCvHelpOn;

    /** The earliest job fair: at the Werkdesk, or meeting an employer there. */
    @Column(name = "first_job_fair_on")
    public LocalDate firstJobFairOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    /** The leave reason's JSON name, e.g. found-work-elsewhere. */
    @Column(name = "left_reason")
    public String leftReason;

    /** The asylum procedure's track, e.g. high-recognition-chance. */
    @Column(name = "asylum_track")
    public String asylumTrack;

    /** W or W2. */
    @Column(name = "w_document_type")
    public String wDocumentType;

    /** At the intake: none, or a CEFR level (A1 ... C2). */
    @Column(name = "dutch_level")
    public String dutchLevel;

    @Column(name = "english_level")
    public String englishLevel;

    /** At the intake: the sectors' JSON names in the order of the Sector enumeration, joined by '|'; null for none. */
    @Column(name = "sector_preferences")
    public String sectorPreferences;

    /** The IND granted asylum: a status holder from this day. */
    @Column(name = "residence_permit_granted_on")
    public LocalDate residencePermitGrantedOn;
}
