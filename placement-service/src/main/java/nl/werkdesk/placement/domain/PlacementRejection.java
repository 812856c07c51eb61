package nl.werkdesk.placement.domain;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * Why the placement aggregate refuses a command: each is its own problem type (urn:nld:werkdesk:problem:<code>).
 *
 * <p>A start is decided on what placement-service has consumed from the participant, employer and permit topics. Where
 * the decision needs a fact that has not reached it, the code is a {@code NOT_YET_KNOWN} one (409 with Retry-After):
 * the same request may succeed a moment later. Those are the absences placement-service cannot tell apart from "never
 * happened": an id it has no event about, an intake, TWV or decision it has not seen. A refusal of kind STATE rests on a
 * fact it does know (a TWV refused or expired, a participant who left or may not work), and does not change on a retry.
 */
public enum PlacementRejection implements RejectionCode {
    ALREADY_STARTED(Kind.STATE, "Placement already started"),
    NOT_STARTED(Kind.STATE, "Placement not started"),
    PLACEMENT_ENDED(Kind.STATE, "Placement ended"),
    PARTICIPANT_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Participant not known here yet"),
    VACANCY_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Vacancy not known here yet"),
    INTAKE_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Intake not known here yet"),
    RESIDENCE_PERMIT_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Residence permit not known here yet"),
    TWV_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "TWV not known here yet"),
    TWV_DECISION_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Decision on the TWV not known here yet"),
    FACTS_ARRIVED_DURING_START(Kind.NOT_YET_KNOWN, "Facts about the participant arrived while the start was decided"),
    EMPLOYER_NOT_OF_VACANCY(Kind.FIELD, "Not the employer of the vacancy"),
    TWV_NOT_FOR_THIS_JOB(Kind.FIELD, "TWV not for this participant, employer and vacancy"),
    VACANCY_OPENED_AFTER_START(Kind.STATE, "Vacancy opened after the start date"),
    VACANCY_CLOSED(Kind.STATE, "Vacancy closed"),
    VACANCY_FILLED(Kind.STATE, "Vacancy filled by someone else"),
    PARTICIPANT_LEFT(Kind.STATE, "Participant left the pilot"),
    INTAKE_AFTER_START(Kind.STATE, "Intake after the start date"),
    NOT_ELIGIBLE(Kind.STATE, "Participant may not do paid work"),
    START_BEFORE_ELIGIBILITY(Kind.STATE, "Start before the participant may work"),
    ELIGIBILITY_ENDED(Kind.STATE, "Permission to work ended"),
    RECEPTION_ENDED(Kind.STATE, "Reception ended after an asylum rejection"),
    TWV_NOT_GRANTED(Kind.STATE, "TWV not granted"),
    TWV_NOT_VALID_ON_START(Kind.STATE, "TWV not valid on the start date"),
    NOTHING_CHANGES(Kind.STATE, "Hours and wage unchanged"),
    NOT_AT_RISK(Kind.STATE, "Placement not at risk"),
    DATE_BEFORE_START(Kind.FIELD, "Date before the start"),
    DATE_BEFORE_LAST_CHANGE(Kind.FIELD, "Date before the last change"),
    DATE_BEFORE_RISK(Kind.FIELD, "Date before the risk was flagged");

    private final Kind kind;
    private final String title;

    PlacementRejection(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
