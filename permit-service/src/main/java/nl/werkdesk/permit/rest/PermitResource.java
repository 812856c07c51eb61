package nl.werkdesk.permit.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.ETags;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.permit.PermitModule;
import nl.werkdesk.permit.domain.Permit;
import nl.werkdesk.permit.domain.Permit.Command;
import nl.werkdesk.permit.domain.Permit.State;
import nl.werkdesk.permit.domain.PermitEvent;
import nl.werkdesk.permit.domain.PermitRejection;
import nl.werkdesk.permit.rest.PermitRequests.CompleteApplicationRequest;
import nl.werkdesk.permit.rest.PermitRequests.DecisionRequest;
import nl.werkdesk.permit.rest.PermitRequests.ExpiryRequest;
import nl.werkdesk.permit.rest.PermitRequests.WithdrawalRequest;
import nl.werkdesk.permit.view.KnownParticipant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** One permit: read it, and record each step at UWV: completeness, decision, withdrawal, expiry. */
@Path("/api/v1/permits/{permitId}")
@RolesAllowed(Roles.PERMIT_OFFICER)
@Tag(name = "Permits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PermitResource {

    private final HttpCommands commands;
    private final CommandHandler handler;
    private final Aggregate<Command, State, PermitEvent> permits;
    private final PermitModule.Config config;
    private final BusinessCalendar calendar;

    PermitResource(HttpCommands commands, CommandHandler handler, Aggregate<Command, State, PermitEvent> permits,
                   PermitModule.Config config, BusinessCalendar calendar) {
        this.commands = commands;
        this.handler = handler;
        this.permits = permits;
        this.config = config;
        this.calendar = calendar;
    }

    @GET
    @WithSession
    @Operation(operationId = "getPermit", summary = "A permit, with its status, deadline, decision and lead time")
    @APIResponse(responseCode = "200", description = "The permit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitResponse.class)))
    public Uni<Response> get(@RestPath UUID permitId) {
        return handler.load(permits, permitId).chain(result -> PermitResponse.render(result, calendar.today()))
                .map(body -> Response.ok(body).header(HttpHeaders.ETAG, ETags.of(body.version())).build());
    }

    @POST
    @Path("/completion")
    @Operation(operationId = "completeApplication",
            summary = "Record that the application is complete: UWV's legal term to decide (5 weeks) starts",
            description = "A request whose participant or employer has not reached permit-service yet (pending-information) is "
                    + "refused as not known yet, with Retry-After: it is screened as soon as that arrives.")
    @Refusals(of = PermitRejection.class, value = {"application-already-completed", "participant-not-known-yet", "employer-not-known-yet",
            "already-granted", "request-declined", "permit-closed", "date-before-latest-step"})
    @APIResponse(responseCode = "200", description = "The permit with its decision due date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitResponse.class)))
    public Uni<Response> complete(@RestPath UUID permitId, @Valid @NotNull CompleteApplicationRequest body,
                                  @BeanParam CommandHeaders headers) {
        return update(permitId, body.toCommand(config.decisionTerm()), body, headers);
    }

    @POST
    @Path("/decision")
    @Operation(operationId = "recordDecision", summary = "Record UWV's decision: granted with its validity, or refused with a reason")
    @Refusals(of = PermitRejection.class, value = {"application-not-complete", "already-granted", "request-declined", "permit-closed",
            "participant-not-known-yet", "date-before-latest-step", "valid-until-required", "valid-until-after-w-document",
            "valid-from-after-valid-until"})
    @APIResponse(responseCode = "200", description = "The permit as decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitResponse.class)))
    public Uni<Response> decide(@RestPath UUID permitId, @Valid @NotNull DecisionRequest body, @BeanParam CommandHeaders headers) {
        // A grant lasts until the W-document ends, as werkdesk.participants.v1 told of the participant this permit is for.
        return Panache.withSession(() -> handler.load(permits, permitId)
                        .chain(permit -> KnownParticipant.<KnownParticipant>findById(Permit.applicationOf(permit.state()).participantId())))
                .chain(participant -> update(permitId, body.toCommand(participant == null ? null : participant.standing()), body, headers));
    }

    @POST
    @Path("/withdrawal")
    @Operation(operationId = "withdrawTwv", summary = "Record that the employer withdrew the request")
    @Refusals(of = PermitRejection.class, value = {"already-granted", "request-declined", "permit-closed", "date-before-latest-step"})
    @APIResponse(responseCode = "200", description = "The withdrawn permit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitResponse.class)))
    public Uni<Response> withdraw(@RestPath UUID permitId, @Valid @NotNull WithdrawalRequest body, @BeanParam CommandHeaders headers) {
        return update(permitId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/expiry")
    @Operation(operationId = "expireTwv", summary = "Record that a granted TWV reached the end of its validity",
            description = "The due-dates job does this on its own the day after the last valid day; this records it by hand.")
    @Refusals(of = PermitRejection.class, value = {"not-granted", "request-declined", "permit-closed", "expiry-within-validity",
            "date-before-latest-step"})
    @APIResponse(responseCode = "200", description = "The expired permit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitResponse.class)))
    public Uni<Response> expire(@RestPath UUID permitId, @Valid @NotNull ExpiryRequest body, @BeanParam CommandHeaders headers) {
        return update(permitId, body.toCommand(), body, headers);
    }

    private Uni<Response> update(UUID permitId, Command command, Object body, CommandHeaders headers) {
        return commands.execute(permits, HttpCommand.update(permitId, command, body, headers),
                result -> PermitResponse.render(result, calendar.today()));
    }
}
