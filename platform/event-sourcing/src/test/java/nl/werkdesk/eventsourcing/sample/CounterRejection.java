package nl.werkdesk.eventsourcing.sample;

import nl.werkdesk.eventsourcing.core.RejectionCode;

/** Why the sample counter refuses a command. */
public enum CounterRejection implements RejectionCode {
    ALREADY_OPEN(Kind.STATE, "Counter already open"),
    NOT_OPEN(Kind.STATE, "Counter not open"),
    NOT_POSITIVE(Kind.FIELD, "Not a positive number"),
    OVER_LIMIT(Kind.STATE, "Over the limit"),
    /** The limit is another service's fact: until it arrives, the counter cannot tell whether an increment is allowed. */
    LIMIT_NOT_KNOWN_YET(Kind.NOT_YET_KNOWN, "Limit not known yet");

    private final Kind kind;
    private final String title;

    CounterRejection(Kind kind, String title) {
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
