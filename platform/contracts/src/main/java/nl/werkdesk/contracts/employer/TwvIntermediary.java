package nl.werkdesk.contracts.employer;

import java.time.LocalDate;

/**
 * An intermediary that takes the employer's TWV paperwork, from {@code from} until {@code until} (inclusive;
 * null: open-ended). A null intermediary means the employer applies for TWVs itself.
 */
public record TwvIntermediary(LocalDate from, LocalDate until) {
}
