package nl.werkdesk.contracts.participant;

import java.time.LocalDate;

/**
 * When a participant may work in paid employment, as the participant service judged it under the dated
 * work eligibility policies: from {@code from} (inclusive) until {@code until} (inclusive, the end of the
 * W-document). {@code from} is null when the participant may not work at all; {@code reason} then says why.
 * {@code policy} names the policy in force on {@code from} (or on registration when there is no such date).
 */
public record WorkEligibility(LocalDate from, LocalDate until, String policy, String reason) {
}
