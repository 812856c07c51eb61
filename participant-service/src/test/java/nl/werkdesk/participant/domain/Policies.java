package nl.werkdesk.participant.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import nl.werkdesk.contracts.participant.AsylumTrack;

/** The policies of application.properties, plus an announced change for the tests that need one. */
final class Policies {

    static final Map<AsylumTrack, Period> SIX_MONTHS = Map.of(AsylumTrack.REGULAR, Period.ofMonths(6),
            AsylumTrack.HIGH_RECOGNITION_CHANCE, Period.ofMonths(6), AsylumTrack.SAFE_COUNTRY_OF_ORIGIN, Period.ofMonths(6));

    static final WorkEligibilityPolicy TWENTY_FOUR_WEEKS_RULE = new WorkEligibilityPolicy("nl-24-weeks-rule", "24 weeks",
            LocalDate.of(2002, 1, 1), SIX_MONTHS, true, OptionalInt.of(24), 18, Period.ofDays(28));

    static final WorkEligibilityPolicy SINCE_2023_11_29 = new WorkEligibilityPolicy("nl-2023-11-29", "no cap",
            LocalDate.of(2023, 11, 29), SIX_MONTHS, true, OptionalInt.empty(), 18, Period.ofDays(28));

    /** The announced change: three months for a high chance of a permit, no access from a safe country. */
    static final WorkEligibilityPolicy ANNOUNCED = new WorkEligibilityPolicy("announced", "announced",
            LocalDate.of(2026, 1, 1),
            Map.of(AsylumTrack.REGULAR, Period.ofMonths(6), AsylumTrack.HIGH_RECOGNITION_CHANCE, Period.ofMonths(3)),
            true, OptionalInt.empty(), 18, Period.ofDays(28));

    static final WorkEligibilityPolicies CURRENT = new WorkEligibilityPolicies(List.of(SINCE_2023_11_29, TWENTY_FOUR_WEEKS_RULE));

    static final WorkEligibilityPolicies WITH_ANNOUNCED_CHANGE =
            new WorkEligibilityPolicies(List.of(TWENTY_FOUR_WEEKS_RULE, SINCE_2023_11_29, ANNOUNCED));

    private Policies() {
    }
}
