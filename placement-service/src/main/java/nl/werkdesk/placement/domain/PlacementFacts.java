package nl.werkdesk.placement.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What this service knows, from the other services' events, about the participant, the vacancy and the
 * participant's work permits when a placement is started. Built from local views, never by asking another
 * service; null {@code participant} or {@code vacancy} when no event about it has arrived.
 */
public record PlacementFacts(Participant participant, Vacancy vacancy, List<Permit> permits) {

    /** From ParticipantRegistered and the later steps of the journey. */
    public record Participant(LocalDate registeredOn, LocalDate intakeCompletedOn, LocalDate eligibleFrom, LocalDate eligibleUntil,
                              String ineligibleReason, LocalDate statusHolderSince, LocalDate receptionEndsOn, LocalDate leftOn) {

        /** A status holder may work freely and needs no TWV. */
        boolean statusHolderOn(LocalDate date) {
            return statusHolderSince != null && !statusHolderSince.isAfter(date);
        }
    }

    /** From VacancyOpened, VacancyFilled and VacancyClosed. */
    public record Vacancy(UUID employerId, String location, LocalDate openedOn, LocalDate filledOn, UUID filledBy, LocalDate closedOn) {
    }

    /**
     * A TWV of the participant: granted (grantedOn, validity) or not yet, and ended early or at its end
     * ({@code endedOn}: the first day it no longer holds, with {@code endedBy} the event that said so).
     */
    public record Permit(UUID permitId, UUID employerId, UUID vacancyId, LocalDate grantedOn, LocalDate validFrom,
                         LocalDate validUntil, LocalDate endedOn, String endedBy) {

        boolean isFor(UUID employer, UUID vacancy) {
            return employerId.equals(employer) && vacancyId.equals(vacancy);
        }

        boolean validOn(LocalDate date) {
            return grantedOn != null && !date.isBefore(validFrom) && !date.isAfter(validUntil)
                    && (endedOn == null || date.isBefore(endedOn));
        }
    }
}
