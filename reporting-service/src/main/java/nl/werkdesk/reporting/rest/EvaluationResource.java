package nl.werkdesk.reporting.rest;

import static nl.werkdesk.reporting.rest.MetricsResource.CSV_DESCRIPTION;
import static nl.werkdesk.reporting.rest.MetricsResource.respond;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.evaluation.Evaluation;
import nl.werkdesk.reporting.evaluation.EvaluationCsv;
import nl.werkdesk.reporting.evaluation.EvaluationResponses;
import nl.werkdesk.reporting.metrics.Csv;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The figures Platform31's evaluation turns on (domain.md, "Evaluating the pilot"), for a scope (location, phase) as of
 * a date, in JSON or, with Accept: text/csv, as tables for a spreadsheet. Aggregates only; for analysts every breakdown
 * shows counts from 1 to 4 as "&lt;5". Finance reads the same figures unsuppressed.
 */
@Path("/api/v1/evaluation")
@RolesAllowed({Roles.ANALYST, Roles.FINANCE})
@Tag(name = "Evaluation", description = "The pilot's evaluation figures, as of any date: time to first placement and retention "
        + "(Kaplan-Meier), activities and placement (Wilson intervals), the TWV burden, earnings against spend, spend by category "
        + "against the budget. JSON, or CSV "
        + "with Accept: text/csv: the single figures as figure;value rows, then each table after an empty line")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class EvaluationResource {

    private final Evaluation evaluation;
    private final Metrics metrics;
    private final SecurityIdentity identity;
    private final BusinessCalendar calendar;

    EvaluationResource(Evaluation evaluation, Metrics metrics, SecurityIdentity identity, BusinessCalendar calendar) {
        this.evaluation = evaluation;
        this.metrics = metrics;
        this.identity = identity;
        this.calendar = calendar;
    }

    @GET
    @Path("/time-to-first-placement")
    @WithSession
    @Operation(operationId = "getTimeToFirstPlacement", summary = "How quickly participants get work: Kaplan-Meier from intake to first placement",
            description = "Kaplan-Meier steps (day, at risk, events, censored, survival), the median, the estimated share placed within "
                    + "90 and 180 days, and the plain share placed so far. Time from the intake date to the first placement start "
                    + "(a placement started before the intake counts as day 0), censored at the earlier of leaving the pilot and asOf. "
                    + "Decision where the definition is silent: a participant placed by asOf counts as placed even if they left the "
                    + "pilot before the placement started.")
    @APIResponse(responseCode = "200", description = "The curve and the figures read from it", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponses.TimeToFirstPlacement.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> timeToFirstPlacement(@BeanParam EvaluationParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, evaluation.timeToFirstPlacement(scope, suppression()), EvaluationCsv::of, "time-to-first-placement", scope);
    }

    @GET
    @Path("/placement-retention")
    @WithSession
    @Operation(operationId = "getPlacementRetention", summary = "How long jobs last: Kaplan-Meier from start to end of each placement",
            description = "Kaplan-Meier steps, retention at 4, 13 and 26 weeks (S(28), S(91), S(182)), and ends by reason. The end "
                    + "date is the first day out of the job; a placement not ended by asOf is censored at asOf.")
    @APIResponse(responseCode = "200", description = "The curve, retention and ends by reason", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponses.PlacementRetention.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> placementRetention(@BeanParam EvaluationParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, evaluation.placementRetention(scope, suppression()), EvaluationCsv::of, "placement-retention", scope);
    }

    @GET
    @Path("/activities")
    @WithSession
    @Operation(operationId = "getActivityGroups", summary = "Placement rates by activity, with 95% Wilson intervals: an association, not an effect",
            description = "Per group (application-training, cv-help, job-fair, any-activity, no-activity): participants, placed by "
                    + "asOf, rate and its 95% Wilson score interval (z = 1.96). Exposure counts activities completed on or before the "
                    + "first placement start (or asOf when not placed). Meeting an employer at a job fair counts as a job fair.")
    @APIResponse(responseCode = "200", description = "The groups", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponses.ActivityGroups.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> activities(@BeanParam EvaluationParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, evaluation.activities(scope, suppression()), EvaluationCsv::of, "activities", scope);
    }

    @GET
    @Path("/twv-burden")
    @WithSession
    @Operation(operationId = "getTwvBurden", summary = "What the TWV duty costs: outcomes, lead times, waiting and the wages it cost",
            description = "Outcomes by asOf; lead time median and 90th percentile (nearest rank), in total and split by whether an "
                    + "intermediary handled the request; decisions after more than 35 days; days waited before work; an estimate of "
                    + "the wages not earned while waiting; participants not placed after a refusal or withdrawal.")
    @APIResponse(responseCode = "200", description = "The TWV burden", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponses.TwvBurden.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> twvBurden(@BeanParam EvaluationParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, evaluation.twvBurden(scope, suppression()), EvaluationCsv::of, "twv-burden", scope);
    }

    @GET
    @Path("/earnings")
    @WithSession
    @Operation(operationId = "getEarnings", summary = "What participants earned against what the programme spent",
            description = "Gross wages, hours worked, wages per euro spent (null with the reason when no expenditure is attributed "
                    + "to the scope: a location counts only what was booked there), and cumulative wages and spend at each month's end.")
    @APIResponse(responseCode = "200", description = "The earnings", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponses.Earnings.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> earnings(@BeanParam EvaluationParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, evaluation.earnings(scope, suppression()), EvaluationCsv::of, "earnings", scope);
    }

    @GET
    @Path("/spend")
    @WithSession
    @Operation(operationId = "getSpend", summary = "Spend by category over time against the budget",
            description = "Spend to date per category, and at each month's end the budget allocated and the spend by then (in total "
                    + "and per category), as the summary counts them: a correction from the day it was made, in its booking's category. "
                    + "A location scope counts what was booked there and has no budget (programme-wide).")
    @APIResponse(responseCode = "200", description = "The spend", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponses.Spend.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> spend(@BeanParam EvaluationParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, evaluation.spend(scope, suppression()), EvaluationCsv::of, "spend", scope);
    }

    /** Analysts see small counts suppressed; a caller with only the finance role sees them exactly. */
    private Suppression suppression() {
        return evaluation.suppression(identity.hasRole(Roles.ANALYST));
    }
}
