package nl.werkdesk.employer.domain;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/**
 * Why the vacancy aggregate refuses a command: each is its own problem type (urn:nld:werkdesk:problem:<code>). The
 * participant who fills a vacancy is known from werkdesk.participants.v1; one this service has not seen yet is
 * {@link #PARTICIPANT_NOT_KNOWN_YET} (409 with Retry-After), never one of the real refusals.
 */
public enum VacancyRejection implements RejectionCode {
    VACANCY_ALREADY_OPENED(Kind.STATE, "Vacancy already opened"),
    VACANCY_NOT_OPENED(Kind.STATE, "Vacancy not opened"),
    VACANCY_ALREADY_FILLED(Kind.STATE, "Vacancy already filled"),
    VACANCY_ALREADY_CLOSED(Kind.STATE, "Vacancy already closed"),
    UNKNOWN_EMPLOYER(Kind.FIELD, "Not a registered employer"),
    DATE_BEFORE_EMPLOYER_REGISTRATION(Kind.FIELD, "Date before the employer's registration"),
    DATE_BEFORE_FIRST_MINIMUM_WAGE(Kind.FIELD, "Date before the first known statutory minimum wage"),
    WAGE_BELOW_MINIMUM_WAGE(Kind.FIELD, "Wage below the statutory minimum wage"),
    DATE_BEFORE_VACANCY_OPENED(Kind.FIELD, "Date before the vacancy opened"),
    DATE_BEFORE_PARTICIPANT_REGISTRATION(Kind.FIELD, "Date before the participant's registration in the pilot"),
    PARTICIPANT_LEFT_PILOT(Kind.FIELD, "Participant left the pilot"),
    PARTICIPANT_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Participant not known here yet");

    /** The refusals about the participant who fills the vacancy. */
    static final KnownParticipant.Refusals PARTICIPANT =
            new KnownParticipant.Refusals(PARTICIPANT_NOT_KNOWN_YET, DATE_BEFORE_PARTICIPANT_REGISTRATION, PARTICIPANT_LEFT_PILOT);

    private final Kind kind;
    private final String title;

    VacancyRejection(Kind kind, String title) {
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
