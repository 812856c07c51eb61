package nl.werkdesk.reporting.microdata;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.reporting.evaluation.EvaluationFacts;

/**
 * The facts of a scope the researcher's records are computed from, as read (the participants enrolled by asOf; activities,
 * requests and placements dated by asOf; later dates of a placement, its end, may lie after asOf: the table applies "as of"
 * itself). Ids only to put a participant's facts together and to make the pseudonym: none of them leaves the service.
 */
public record MicrodataFacts(List<Participant> participants, List<Activity> activities, List<Permit> permits, List<Placement> placements) {

    /**
     * A participant enrolled in scope. Enumerations as their JSON names; {@code sectorPreferences} joined by '|'. Null where
     * there is none.
     */
    public record Participant(UUID participantId, String location, LocalDate registeredOn, String asylumTrack, String wDocumentType,
                              LocalDate intakeOn, String dutchLevel, String englishLevel, String sectorPreferences, LocalDate leftOn,
                              String leftReason, LocalDate statusGrantedOn) {
    }

    /** An activity: application-training, cv-help or job-fair (a job fair at the Werkdesk, or meeting an employer there). */
    public record Activity(UUID participantId, String kind, LocalDate on) {
    }

    /** A TWV request and how UWV or the employer closed it. */
    public record Permit(UUID participantId, LocalDate requestedOn, LocalDate grantedOn, LocalDate refusedOn, LocalDate withdrawnOn) {
    }

    /**
     * A placement: its dates, end reason and terms as the evaluation reads them, and what the records show of it besides.
     * {@code sustainedOn} is the 26-week milestone as published (an end dated before it withdraws it).
     */
    public record Placement(UUID placementId, UUID participantId, String sector, String contractType, LocalDate sustainedOn,
                            EvaluationFacts.Placement placement) {
    }
}
