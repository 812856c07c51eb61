package nl.werkdesk.reporting.rest;

import java.time.LocalDate;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.Scope;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The scope every evaluation figure understands, as query parameters, checked as the metrics check them; a {@code @BeanParam}. */
public class EvaluationParameters {

    @RestQuery
    @Parameter(description = "Only participants who enrolled at this location (and expenditure booked there)", example = "Willinklaan")
    public String location;

    @RestQuery
    @Parameter(description = "Only participants who enrolled in this pilot phase (and expenditure booked in it)", example = "1")
    public String phase;

    @RestQuery
    @Parameter(description = "Answer from the facts whose business date is on or before this date (yyyy-mm-dd); today when left out",
            example = "2025-10-16")
    public String asOf;

    Scope resolve(Metrics metrics, LocalDate today) {
        ScopeParameters scope = new ScopeParameters();
        scope.location = location;
        scope.phase = phase;
        scope.asOf = asOf;
        return scope.resolve(metrics, today);
    }
}
