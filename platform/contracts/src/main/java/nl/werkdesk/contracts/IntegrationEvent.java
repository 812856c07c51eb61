package nl.werkdesk.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;

/**
 * An event one service publishes for the others. Every event says on which business date it happened,
 * which may lie well before the day it was recorded.
 */
public interface IntegrationEvent {

    /** The business date of the event: the day it happened, not the day it was recorded. */
    @JsonIgnore
    LocalDate occurredOn();
}
