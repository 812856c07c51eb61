package nl.werkdesk.employer.domain;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * Why the job fair aggregate refuses a command: each is its own problem type (urn:nld:werkdesk:problem:<code>). The
 * participant at a meeting is known from werkdesk.participants.v1; one this service has not seen yet is
 * {@link #PARTICIPANT_NOT_KNOWN_YET} (409 with Retry-After), never one of the real refusals.
 */
public enum JobFairRejection implements RejectionCode {
    JOB_FAIR_ALREADY_RECORDED(Kind.STATE, "Job fair already recorded"),
    JOB_FAIR_NOT_RECORDED(Kind.STATE, "Job fair not recorded"),
    MEETING_ALREADY_RECORDED(Kind.STATE, "Meeting already recorded"),
    NO_EMPLOYERS(Kind.FIELD, "No employer took part"),
    UNKNOWN_EMPLOYER(Kind.FIELD, "Not a registered employer"),
    EMPLOYER_REGISTERED_AFTER_FAIR(Kind.FIELD, "Employer registered after the job fair"),
    EMPLOYER_NOT_AT_FAIR(Kind.FIELD, "Employer did not take part in the job fair"),
    NOT_THE_FAIR_DAY(Kind.FIELD, "Not the day of the job fair"),
    DATE_BEFORE_PARTICIPANT_REGISTRATION(Kind.FIELD, "Date before the participant's registration in the pilot"),
    PARTICIPANT_LEFT_PILOT(Kind.FIELD, "Participant left the pilot"),
    PARTICIPANT_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Participant not known here yet");

    /** The refusals about the participant at a meeting. */
    static final KnownParticipant.Refusals PARTICIPANT =
            new KnownParticipant.Refusals(PARTICIPANT_NOT_KNOWN_YET, DATE_BEFORE_PARTICIPANT_REGISTRATION, PARTICIPANT_LEFT_PILOT);

    private final Kind kind;
    private final String title;

    JobFairRejection(Kind kind, String title) {
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
