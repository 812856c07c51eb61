package nl.werkdesk.permit.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import nl.werkdesk.eventsourcing.http.Page;
import nl.werkdesk.eventsourcing.http.Paging;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.permit.domain.Permit;
import nl.werkdesk.permit.domain.Permit.Command;
import nl.werkdesk.permit.domain.Permit.State;
import nl.werkdesk.permit.domain.PermitEvent;
import nl.werkdesk.permit.domain.PermitRejection;
import nl.werkdesk.permit.rest.PermitRequests.RequestTwvRequest;
import nl.werkdesk.permit.rest.PermitResponse.PermitStatus;
import nl.werkdesk.permit.view.KnownFacts;
import nl.werkdesk.permit.view.PermitSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The permit collection: request a TWV, and list permits by participant, employer, status or overdue decision. */
@Path("/api/v1/permits")
@RolesAllowed(Roles.PERMIT_OFFICER)
@Tag(name = "Permits", description = "TWV work permits: request, screening, completeness, UWV's decision and end")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PermitsResource {

    static final URI COLLECTION = URI.create("/api/v1/permits");
    static final Set<String> STATUSES = Arrays.stream(PermitStatus.values()).map(PermitStatus::json).collect(Collectors.toSet());
    static final String OVERDUE = "(p.status = :complete and p.decisionDueOn < :on)";
    static final String AWAITING = "(p.awaitingParticipant = true or p.awaitingEmployer = true)";

    private final HttpCommands commands;
    private final Aggregate<Command, State, PermitEvent> permits;
    private final BusinessCalendar calendar;

    PermitsResource(HttpCommands commands, Aggregate<Command, State, PermitEvent> permits, BusinessCalendar calendar) {
        this.commands = commands;
        this.permits = permits;
        this.calendar = calendar;
    }

    @POST
    @Operation(operationId = "requestTwv", summary = "Record a TWV request; Werkdesk screens it against the participant's right to work",
            description = "A participant who may not work on the start date, or who is a status holder, gets the request declined. "
                    + "A request for a participant or employer this service has not heard of yet is recorded and waits "
                    + "(pending-information): it is screened when that arrives, and cannot be completed before.")
    @Refusals(of = PermitRejection.class, value = {"start-before-request"})
    @APIResponse(responseCode = "201", description = "Requested (possibly declined at once); Location names the new permit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitResponse.class)))
    public Uni<Response> request(@Valid @NotNull RequestTwvRequest body, @BeanParam CommandHeaders headers) {
        UUID permitId = UUID.randomUUID();
        LocalDate today = calendar.today();
        // What the screening lacks is an event of the permit, so the request is screened when that arrives. A registration
        // consumed between the look-up below and this commit finds no waiting request: the due-dates job catches up on it.
        return Panache.withSession(() -> KnownFacts.of(body.participantId(), body.employerId()))
                .chain(facts -> commands.execute(permits,
                        HttpCommand.create(permitId, body.toCommand(permitId, facts), body, headers, COLLECTION),
                        result -> PermitResponse.render(result, today)));
    }

    @GET
    @WithSession
    @Operation(operationId = "listPermits", summary = "Permits, filtered and paged: newest request first, or most overdue first")
    @APIResponse(responseCode = "200", description = "One page of permits")
    public Uni<Page<QueryResponses.ListItem>> list(
            @RestQuery @Parameter(description = "Only the permits of this participant") String participantId,
            @RestQuery @Parameter(description = "Only the permits of this employer") String employerId,
            @RestQuery @Parameter(description = "Only permits with this status: requested, pending-information, application-complete, granted, declined, refused, withdrawn, expired, no-longer-required, ended") String status,
            @RestQuery @Parameter(description = "Only permits whose decision is (true) or is not (false) past due on the date 'on', most overdue first") String overdue,
            @RestQuery @Parameter(description = "The date for the overdue filter and daysOverdue (yyyy-mm-dd); today when left out") String on,
            @RestQuery @Parameter(description = "Page number, from 1") String page,
            @RestQuery @Parameter(description = "Permits per page, 1 to 100 (default 20)") String pageSize) {
        Paging paging = Paging.of(page, pageSize);
        UUID participant = uuid("participantId", participantId);
        UUID employer = uuid("employerId", employerId);
        String statusFilter = QueryParameters.oneOf("status", status, STATUSES);
        Boolean overdueFilter = QueryParameters.bool("overdue", overdue);
        LocalDate date = QueryParameters.date("on", on, calendar.today());

        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (participant != null) {
            where.add("p.participantId = :participant");
            parameters.and("participant", participant);
        }
        if (employer != null) {
            where.add("p.employerId = :employer");
            parameters.and("employer", employer);
        }
        if (statusFilter != null) {
            PermitStatus wanted = PermitStatus.valueOf(statusFilter.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            if (wanted == PermitStatus.PENDING_INFORMATION || wanted == PermitStatus.REQUESTED) {
                where.add("p.status = :status and " + (wanted == PermitStatus.REQUESTED ? "not " : "") + AWAITING);
                parameters.and("status", Permit.Status.REQUESTED);
            } else {
                where.add("p.status = :status");
                parameters.and("status", Permit.Status.valueOf(wanted.name()));
            }
        }
        if (overdueFilter != null) {
            where.add(overdueFilter ? OVERDUE : "not " + OVERDUE);
            parameters.and("complete", Permit.Status.APPLICATION_COMPLETE).and("on", date);
        }
        String query = "from PermitSummary p" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        Sort sort = Boolean.TRUE.equals(overdueFilter)
                ? Sort.ascending("decisionDueOn").and("permitId")
                : Sort.descending("requestedOn").and("permitId");
        return paging.list(PermitSummary.<PermitSummary>find(query, sort, parameters), row -> QueryResponses.ListItem.of(row, date));
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, "must be a UUID");
        }
    }
}
