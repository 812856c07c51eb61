package nl.werkdesk.reporting.rest;

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
import java.util.function.Function;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.metrics.Csv;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.MetricsCsv;
import nl.werkdesk.reporting.metrics.MetricsResponses;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.metrics.Suppression;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pilot's metrics for a scope (location, phase, enrolment period) as of a date, in JSON or, with
 * Accept: text/csv, as a semicolon-separated table for a spreadsheet. Aggregates only; for analysts every
 * breakdown shows counts from 1 to 4 as "&lt;5". Finance reads the same figures unsuppressed.
 */
@Path("/api/v1/metrics")
@RolesAllowed({Roles.ANALYST, Roles.FINANCE})
@Tag(name = "Metrics", description = "Aggregated pilot metrics, as of any date; JSON, or CSV with Accept: text/csv "
        + "(semicolons, decimal commas, UTF-8 with a byte order mark)")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class MetricsResource {

    static final String CSV_DESCRIPTION = "With Accept: text/csv: a table for a spreadsheet, separated by semicolons, "
            + "decimal commas, UTF-8 with a byte order mark";

    private final Metrics metrics;
    private final SecurityIdentity identity;
    private final BusinessCalendar calendar;

    MetricsResource(Metrics metrics, SecurityIdentity identity, BusinessCalendar calendar) {
        this.metrics = metrics;
        this.identity = identity;
        this.calendar = calendar;
    }

    @GET
    @Path("/summary")
    @WithSession
    @Operation(operationId = "getMetricsSummary", summary = "The headline figures: enrolment, TWVs, placements, money")
    @APIResponse(responseCode = "200", description = "The summary (totals, never suppressed)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsResponses.Summary.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> summary(@BeanParam ScopeParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, metrics.summary(scope, suppression()), MetricsCsv::of, "summary", scope);
    }

    @GET
    @Path("/funnel")
    @WithSession
    @Operation(operationId = "getMetricsFunnel",
            summary = "Participants at each stage: enrolled, intake, activity, TWV requested, TWV granted, placed, sustained")
    @APIResponse(responseCode = "200", description = "The funnel (totals, never suppressed)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsResponses.Funnel.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> funnel(@BeanParam ScopeParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, metrics.funnel(scope, suppression()), MetricsCsv::of, "funnel", scope);
    }

    @GET
    @Path("/placements-by-sector")
    @WithSession
    @Operation(operationId = "getPlacementsBySector", summary = "Placements started, by sector")
    @APIResponse(responseCode = "200", description = "Placements per sector (small counts suppressed for analysts) and the exact total",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsResponses.PlacementsBySector.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> placementsBySector(@BeanParam ScopeParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, metrics.placementsBySector(scope, suppression()), MetricsCsv::of, "placements-by-sector", scope);
    }

    @GET
    @Path("/placements-by-location")
    @WithSession
    @Operation(operationId = "getPlacementsByLocation", summary = "Enrolments, participants placed and placement rate, by enrolment location")
    @APIResponse(responseCode = "200", description = "Figures per location (small counts suppressed for analysts) and the exact total",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsResponses.PlacementsByLocation.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> placementsByLocation(@BeanParam ScopeParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, metrics.placementsByLocation(scope, suppression()), MetricsCsv::of, "placements-by-location", scope);
    }

    @GET
    @Path("/monthly")
    @WithSession
    @Operation(operationId = "getMonthlySeries", summary = "Month by month: enrolled, placed, placement rate, active placements, spend")
    @APIResponse(responseCode = "200", description = "The series (small counts suppressed for analysts)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsResponses.MonthlySeries.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION))})
    public Uni<Response> monthly(@BeanParam ScopeParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return respond(headers, metrics.monthly(scope, suppression()), MetricsCsv::of, "monthly", scope);
    }

    @GET
    @Path("/filters")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMetricsFilters", summary = "The locations and phases the metrics can be filtered by")
    @APIResponse(responseCode = "200", description = "Locations with enrolments, and the pilot's phases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsResponses.Filters.class)))
    public Uni<MetricsResponses.Filters> filters() {
        return metrics.filters();
    }

    /** Analysts see small counts suppressed; a caller with only the finance role sees them exactly. */
    private Suppression suppression() {
        return metrics.suppression(identity.hasRole(Roles.ANALYST));
    }

    static <T> Uni<Response> respond(HttpHeaders headers, Uni<T> body, Function<T, String> csv, String name, Scope scope) {
        boolean asCsv = wantsCsv(headers);
        return body.map(value -> asCsv
                ? Response.ok(csv.apply(value), Csv.MEDIA_TYPE + ";charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"werkdesk-" + name + "-" + scope.asOf() + ".csv\"")
                        .build()
                : Response.ok(value, MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** JSON unless the client prefers CSV: */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE))) {
                return true;
            }
        }
        return false;
    }
}
