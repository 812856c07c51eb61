package nl.werkdesk.eventsourcing.consumer;

/**
 * A message that can never be processed as it is (not a CloudEvent, unreadable data, an impossible
 * event): it goes to the dead-letter topic with this reason, and consumption goes on.
 */
public class PoisonMessage extends RuntimeException {

    public PoisonMessage(String reason) {
        super(reason, null, false, false);
    }

    public PoisonMessage(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
