package nl.werkdesk.reporting.rest;

import java.time.LocalDate;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.Scope;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The filters every metric understands, as query parameters: the evaluation's scope and an enrolment period; a {@code @BeanParam}. */
public class ScopeParameters extends EvaluationParameters {

    @RestQuery
    @Parameter(description = "Only enrolments (and bookings) on or after this date (yyyy-mm-dd)", example = "2025-08-01")
    public String from;

    @RestQuery
    @Parameter(description = "Only enrolments (and bookings) on or before this date (yyyy-mm-dd)", example = "2025-12-31")
    public String to;

    @Override
    Scope resolve(Metrics metrics, LocalDate today) {
        return resolve(metrics, today, from, to);
    }
}
