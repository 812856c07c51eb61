package nl.werkdesk.reporting.rest;

import java.time.LocalDate;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.Scope;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The scope every evaluation figure understands (location, phase, asOf), as query parameters; use as a {@code @BeanParam}.
 * The metrics add an enrolment period ({@link ScopeParameters}).
 */
public class EvaluationParameters {

    static final int MAX_LOCATION_LENGTH = 100;
    static final int MAX_PHASE = 1000;

    @RestQuery
    @Parameter(description = "Only participants who enrolled at this location (and expenditure booked there)", example = "Willinklaan")
    public String location;

    @RestQuery
    @Parameter(description = "Only participants who enrolled in this pilot phase (and expenditure booked in it)", example = "2")
    public String phase;

    @RestQuery
    @Parameter(description = "Answer from the facts whose business date is on or before this date (yyyy-mm-dd); today when left out",
            example = "2025-10-16")
    public String asOf;

    Scope resolve(Metrics metrics, LocalDate today) {
        return resolve(metrics, today, null, null);
    }

    /** The scope, every parameter checked: a 400 naming the parameter when one cannot be used. */
    final Scope resolve(Metrics metrics, LocalDate today, String from, String to) {
        String place = location == null || location.isBlank() ? null : location.trim();
        if (place != null && place.length() > MAX_LOCATION_LENGTH) {
            throw new InvalidParameter("location", "must be at most " + MAX_LOCATION_LENGTH + " characters");
        }
        Integer phaseNumber = phase == null || phase.isBlank() ? null
                : metrics.phase(QueryParameters.integer("phase", phase, 0, 1, MAX_PHASE));
        LocalDate fromDate = QueryParameters.date("from", from, null);
        LocalDate toDate = QueryParameters.date("to", to, null);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidParameter("to", "lies before from");
        }
        LocalDate asOfDate = QueryParameters.date("asOf", asOf, today);
        if (asOfDate.isAfter(today)) {
            throw new InvalidParameter("asOf", "lies in the future: figures are known up to today");
        }
        return Scope.of(place, phaseNumber, fromDate, toDate, asOfDate, metrics.phases());
    }
}
