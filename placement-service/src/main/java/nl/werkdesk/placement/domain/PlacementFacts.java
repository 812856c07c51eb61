package nl.werkdesk.placement.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What this service knows, from the other services' events, about the participant, the vacancy and the
 * participant's work permits when a placement is started: local copies of other services' facts, built from local
 * views, never by asking another service. Null {@code participant} or {@code vacancy} when no event about it has
 * arrived; {@code permits} holds every TWV of the participant this service has seen (and the one the start names).
 */
public record PlacementFacts(Participant participant, Vacancy vacancy, List<Permit> permits) {

    /**
     * From ParticipantRegistered and the later steps of the journey; {@code relocatedTo} and {@code relocatedOn} are the
     * latest relocation by COA, null when none has arrived.
     */
    public record Participant(LocalDate registeredOn, LocalDate intakeCompletedOn, LocalDate eligibleFrom, LocalDate eligibleUntil,
                              String ineligibleReason, LocalDate statusHolderSince, LocalDate receptionEndsOn, LocalDate leftOn,
                              String relocatedTo, LocalDate relocatedOn) {

        /** A status holder may work freely and needs no TWV. */
        boolean statusHolderOn(LocalDate date) {
            return statusHolderSince != null && !statusHolderSince.isAfter(date);
        }
    }

    /** From VacancyOpened, VacancyFilled and VacancyClosed. */
    public record Vacancy(UUID employerId, String location, LocalDate openedOn, LocalDate filledOn, UUID filledBy, LocalDate closedOn) {
    }

    /**
     * A TWV of a participant: granted (grantedOn, validity) or not yet, and closed ({@code closedOn}: the first day it no
     * longer holds or the day it was refused, with {@code closure} the event that said so).
     */
    public record Permit(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId, LocalDate grantedOn, LocalDate validFrom,
                         LocalDate validUntil, LocalDate closedOn, Closure closure) {

        boolean isFor(UUID participant, UUID employer, UUID vacancy) {
            return participantId.equals(participant) && employerId.equals(employer) && vacancyId.equals(vacancy);
        }

        boolean validOn(LocalDate date) {
            return grantedOn != null && !date.isBefore(validFrom) && !date.isAfter(validUntil)
                    && (closedOn == null || date.isBefore(closedOn));
        }

        /** Requested, and neither decided nor closed as far as this service knows. */
        boolean pending() {
            return grantedOn == null && closedOn == null;
        }

        /** Closed on or before {@code date} because the participant became a status holder. */
        boolean endedByResidencePermitBy(LocalDate date) {
            return closure != null && closure.meansStatusHolder() && !closedOn.isAfter(date);
        }
    }

    /** How a TWV closed, with the words the local view keeps it under. */
    public enum Closure {
        REFUSED("refused", false),
        DECLINED("declined", false),
        DECLINED_AS_STATUS_HOLDER("declined: status holder", true),
        WITHDRAWN("withdrawn", false),
        EXPIRED("expired", false),
        ENDED("ended", false),
        NO_LONGER_REQUIRED("no longer required", true);

        private final String words;
        private final boolean meansStatusHolder;

        Closure(String words, boolean meansStatusHolder) {
            this.words = words;
            this.meansStatusHolder = meansStatusHolder;
        }

        public String words() {
            return words;
        }

        /** permit-service closes a TWV this way only once the participant holds a residence permit. */
        boolean meansStatusHolder() {
            return meansStatusHolder;
        }

        public static Closure of(String words) {
            return words == null ? null : Arrays.stream(values()).filter(closure -> closure.words.equals(words)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no TWV closure " + words));
        }
    }
}
