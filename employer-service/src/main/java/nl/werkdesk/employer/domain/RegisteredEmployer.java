package nl.werkdesk.employer.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An employer as another stream (a vacancy, a job fair) needs to know it: that it is registered, and since
 * when. The resource looks it up and passes it in on the command, so that the deciders stay pure.
 */
public record RegisteredEmployer(UUID employerId, LocalDate registeredOn) {
}
