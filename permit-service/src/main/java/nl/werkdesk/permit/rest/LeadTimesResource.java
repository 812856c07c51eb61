package nl.werkdesk.permit.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import nl.werkdesk.eventsourcing.SessionSql;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import nl.werkdesk.eventsourcing.http.Paging;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.permit.view.PermitSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** How long UWV takes to decide: days from request to decision, per permit and summarised, and how often within the term. */
@Path("/api/v1/permit-lead-times")
@RolesAllowed(Roles.PERMIT_OFFICER)
@Tag(name = "Permit lead times", description = "UWV's decision lead times")
@Produces(MediaType.APPLICATION_JSON)
public class LeadTimesResource {

    static final int SHARE_DECIMALS = 3;
    /** decided_on - requested_on is a whole number of days in PostgreSQL. $1 and $2: the first and last day of decisions. */
    static final String SUMMARY = """
            SELECT count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY decided_on - requested_on),
                   avg(CASE WHEN decided_on <= decision_due_on THEN 1.0 ELSE 0.0 END)
              FROM permits
             WHERE decided_on IS NOT NULL AND decided_on >= $1 AND decided_on <= $2""";
    static final String DECIDED = "from PermitSummary p where p.decidedOn is not null and p.decidedOn >= :from and p.decidedOn <= :until";

    @GET
    @WithSession
    @Operation(operationId = "getPermitLeadTimes",
            summary = "Days from request to UWV's decision: count, median and share within the legal term, and the permits behind them")
    @APIResponse(responseCode = "200", description = "The lead times of the permits decided in the period",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueryResponses.LeadTimes.class)))
    public Uni<QueryResponses.LeadTimes> leadTimes(
            @RestQuery @Parameter(description = "Only decisions on or after this date (yyyy-mm-dd)") String decidedFrom,
            @RestQuery @Parameter(description = "Only decisions on or before this date (yyyy-mm-dd)") String decidedUntil,
            @RestQuery @Parameter(description = "Page number, from 1") String page,
            @RestQuery @Parameter(description = "Permits per page, 1 to 100 (default 20)") String pageSize) {
        Paging paging = Paging.of(page, pageSize);
        LocalDate from = QueryParameters.date("decidedFrom", decidedFrom, LocalDate.of(1, 1, 1));
        LocalDate until = QueryParameters.date("decidedUntil", decidedUntil, LocalDate.of(9999, 12, 31));
        if (until.isBefore(from)) {
            throw new InvalidParameter("decidedUntil", "lies before decidedFrom");
        }
        Parameters parameters = Parameters.with("from", from).and("until", until);
        var decided = PermitSummary.<PermitSummary>find(DECIDED, Sort.descending("decidedOn").and("permitId"), parameters)
                .page(paging.page() - 1, paging.pageSize());
        return Panache.getSession()
                .chain(session -> SessionSql.rows(session, SUMMARY, from, until)).map(rows -> rows.get(0))
                .chain(summary -> decided.list().map(rows -> {
                    long count = ((Number) summary[0]).longValue();
                    QueryResponses.LeadTimeSummary totals = new QueryResponses.LeadTimeSummary(count,
                            summary[1] == null ? null : ((Number) summary[1]).doubleValue(),
                            summary[2] == null ? null : new BigDecimal(summary[2].toString()).setScale(SHARE_DECIMALS, RoundingMode.HALF_UP).doubleValue());
                    // The summary counted the decided permits already: the page is of that many.
                    return QueryResponses.LeadTimes.of(totals, paging.of(rows.stream().map(QueryResponses.LeadTime::of).toList(), count));
                }));
    }
}
