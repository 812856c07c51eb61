package nl.werkdesk.eventsourcing.http;

/** A request parameter or header that cannot be used as sent (HTTP 400 naming it). */
public class InvalidParameter extends RuntimeException {

    private final String name;
    private final String reason;

    public InvalidParameter(String name, String reason) {
        super(name + " " + reason, null, false, false);
        this.name = name;
        this.reason = reason;
    }

    public String name() {
        return name;
    }

    public String reason() {
        return reason;
    }
}
