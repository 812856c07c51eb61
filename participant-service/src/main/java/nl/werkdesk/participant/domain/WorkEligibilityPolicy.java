package nl.werkdesk.participant.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import nl.werkdesk.contracts.participant.AsylumTrack;

/**
 * The rules for asylum seekers' paid work as they were in force from one date: how long after the asylum
 * application work is allowed per procedure track (no entry: not at all), whether Dublin claimants are
 * excluded, the cap on work weeks per 52 weeks if there is one (the 24-weeks rule until 29 November 2023),
 * the minimum age, and the departure term after a rejection.
 */
public record WorkEligibilityPolicy(String id, String name, LocalDate validFrom, Map<AsylumTrack, Period> waitingPeriods,
                                    boolean dublinClaimantsExcluded, OptionalInt maxWorkWeeksPer52Weeks,
                                    int minimumAge, Period departureTerm) {

    public WorkEligibilityPolicy {
        waitingPeriods = Map.copyOf(waitingPeriods);
    }

    /** How long after the asylum application a participant on this track may work; empty: never. */
    public Optional<Period> waitingPeriod(AsylumTrack track) {
        return Optional.ofNullable(waitingPeriods.get(track));
    }
}
