package nl.werkdesk.placement.rest;

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
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.ETags;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.placement.domain.Placement.Command;
import nl.werkdesk.placement.domain.Placement.State;
import nl.werkdesk.placement.domain.PlacementEvent;
import nl.werkdesk.placement.domain.PlacementRejection;
import nl.werkdesk.placement.rest.CommandRequests.ChangePlacementRequest;
import nl.werkdesk.placement.rest.CommandRequests.ContinuePlacementRequest;
import nl.werkdesk.placement.rest.CommandRequests.EndPlacementRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** One placement: read it, change hours or wage, confirm it continues after a risk, or end it. */
@Path("/api/v1/placements/{placementId}")
@RolesAllowed(Roles.CASEWORKER)
@Tag(name = "Placements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementResource {

    private final HttpCommands commands;
    private final CommandHandler handler;
    private final Aggregate<Command, State, PlacementEvent> placements;

    PlacementResource(HttpCommands commands, CommandHandler handler, Aggregate<Command, State, PlacementEvent> placements) {
        this.commands = commands;
        this.handler = handler;
        this.placements = placements;
    }

    @GET
    @WithSession
    @Operation(operationId = "getPlacement", summary = "A placement")
    @APIResponse(responseCode = "200", description = "The placement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementResponse.class)))
    public Uni<Response> get(@RestPath UUID placementId) {
        return handler.load(placements, placementId).map(result -> PlacementResponse.of(result.state(), result.version()))
                .map(body -> Response.ok(body).header(HttpHeaders.ETAG, ETags.of(body.version())).build());
    }

    @POST
    @Path("/changes")
    @Operation(operationId = "changePlacement", summary = "Record a change of the hours per week or the hourly wage")
    @Refusals(of = PlacementRejection.class, value = {"placement-ended", "date-before-start", "date-before-last-change", "nothing-changes"})
    @APIResponse(responseCode = "200", description = "The placement after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementResponse.class)))
    public Uni<Response> change(@RestPath UUID placementId, @Valid @NotNull ChangePlacementRequest body, @BeanParam CommandHeaders headers) {
        return update(placementId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/continuation")
    @Operation(operationId = "continuePlacement", summary = "Confirm that a placement at risk continues")
    @Refusals(of = PlacementRejection.class, value = {"placement-ended", "not-at-risk", "date-before-risk"})
    @APIResponse(responseCode = "200", description = "The placement, no longer at risk",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementResponse.class)))
    public Uni<Response> continuePlacement(@RestPath UUID placementId, @Valid @NotNull ContinuePlacementRequest body,
                                           @BeanParam CommandHeaders headers) {
        return update(placementId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/end")
    @Operation(operationId = "endPlacement", summary = "Record that the placement ended, and why",
            description = "An end dated before the 26-week milestone that was recorded already withdraws the milestone: the placement "
                    + "did not last 26 weeks after all (PlacementEnded, then PlacementSustainedWithdrawn, on werkdesk.placements.v1).")
    @Refusals(of = PlacementRejection.class, value = {"placement-ended", "date-before-start", "date-before-last-change"})
    @APIResponse(responseCode = "200", description = "The placement, ended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementResponse.class)))
    public Uni<Response> end(@RestPath UUID placementId, @Valid @NotNull EndPlacementRequest body, @BeanParam CommandHeaders headers) {
        return update(placementId, body.toCommand(), body, headers);
    }

    private Uni<Response> update(UUID placementId, Command command, Object body, CommandHeaders headers) {
        return commands.execute(placements, HttpCommand.update(placementId, command, body, headers), PlacementResponse::render);
    }
}
