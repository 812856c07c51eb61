package nl.werkdesk.reporting.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.report.Report;
import nl.werkdesk.reporting.report.ReportView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pilot-end report for the municipality: one HTML document with every figure of the metrics and the evaluation for a
 * scope as of a date, inline CSS and SVG, no script, nothing fetched, printable on A4. The same events and request give the
 * same bytes: the document names no time of its making.
 */
@Path("/api/v1/evaluation/report")
@RolesAllowed(Roles.ANALYST)
@Tag(name = "Report", description = "The pilot-end report: a self-contained HTML document to read and print")
public class ReportResource {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    /** Enforced wherever the document is opened from this service: no script, nothing fetched; the same in its meta element. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance report(ReportView report);
    }

    private final Report report;
    private final Metrics metrics;
    private final Phases phases;
    private final BusinessCalendar calendar;

    ReportResource(Report report, Metrics metrics, Phases phases, BusinessCalendar calendar) {
        this.report = report;
        this.metrics = metrics;
        this.phases = phases;
        this.calendar = calendar;
    }

    @GET
    @WithSession
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getReport", summary = "The pilot-end report as one self-contained, printable HTML document",
            description = "The headline (enrolled, placed, placement rate, cost per placement, gross wages, wages per euro spent), a "
                    + "table per location and phase, the funnel, the time-to-first-job and retention curves, the activity groups with "
                    + "their intervals, the TWV burden with the estimate of wages not earned, spend by category against the budget, the "
                    + "methods and the provenance (events per topic and the latest event date). Every figure as its endpoint under "
                    + "/api/v1/metrics or /api/v1/evaluation gives it to an analyst. Inline CSS and SVG, no script, nothing fetched; "
                    + "A4 pages when printed. The same events and request give byte-identical HTML.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING, description = "An HTML5 document")))
    public Uni<Response> report(@BeanParam EvaluationParameters parameters) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        return report.gather(scope).map(data -> Response.ok(Templates.report(ReportView.of(data, phases)).render(), HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Content-Disposition", "inline; filename=\"werkdesk-report-" + scope.asOf() + ".html\"")
                .build());
    }
}
