package nl.werkdesk.placement.rest;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.Page;
import nl.werkdesk.eventsourcing.http.Paging;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.placement.domain.Placement.Command;
import nl.werkdesk.placement.domain.Placement.State;
import nl.werkdesk.placement.domain.PlacementEvent;
import nl.werkdesk.placement.domain.PlacementRejection;
import nl.werkdesk.placement.view.PlacementSummary;
import nl.werkdesk.placement.view.StartFacts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The placement collection: start a placement, decided on what this service knows from the participant,
 * employer and permit topics; and list placements by participant, employer, status and risk.
 */
@Path("/api/v1/placements")
@RolesAllowed(Roles.CASEWORKER)
@Tag(name = "Placements", description = "Placements of participants with employers, from start to end")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementsResource {

    static final URI COLLECTION = URI.create("/api/v1/placements");

    private final HttpCommands commands;
    private final Aggregate<Command, State, PlacementEvent> placements;
    private final StartFacts startFacts;

    PlacementsResource(HttpCommands commands, Aggregate<Command, State, PlacementEvent> placements, StartFacts startFacts) {
        this.commands = commands;
        this.placements = placements;
        this.startFacts = startFacts;
    }

    @POST
    @Operation(operationId = "startPlacement", summary = "Start a placement",
            description = "Decided on what placement-service has received from the participant, employer and permit topics: on the "
                    + "start date the participant completed the intake, may work, and is a status holder or holds a granted, valid TWV "
                    + "for exactly this employer and vacancy (the one permitId names, if given), and the vacancy is open. A fact that "
                    + "has not arrived yet is a 409 with Retry-After and a not-yet-known problem type (participant-, vacancy-, intake-, "
                    + "residence-permit-, twv- and twv-decision-not-known-yet, facts-arrived-during-start): the same request may "
                    + "succeed a moment later. placement-service cannot tell such an absence from one that will last (an id nobody "
                    + "registered, an intake never held, a TWV never requested). Every other 409 rests on a fact it knows (a TWV "
                    + "refused, expired or ended, a participant who left or may not work) and will not change on a retry. A participant "
                    + "whom COA relocated out of the job's commuting region starts at risk.")
    @Refusals(of = PlacementRejection.class, value = {"already-started", "participant-not-known-yet", "vacancy-not-known-yet",
            "intake-not-known-yet", "residence-permit-not-known-yet", "twv-not-known-yet", "twv-decision-not-known-yet",
            "facts-arrived-during-start", "employer-not-of-vacancy", "twv-not-for-this-job", "vacancy-opened-after-start",
            "vacancy-closed", "vacancy-filled", "participant-left", "intake-after-start", "not-eligible", "start-before-eligibility",
            "eligibility-ended", "reception-ended", "twv-not-granted", "twv-not-valid-on-start"})
    @APIResponse(responseCode = "201", description = "The placement, started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementResponse.class)))
    public Uni<Response> start(@Valid @NotNull StartPlacementRequest body, @BeanParam CommandHeaders headers) {
        UUID placementId = UUID.randomUUID();
        return Panache.withSession(() -> startFacts.about(body.participantId(), body.vacancyId(), body.permitId()))
                .chain(facts -> commands.execute(placements,
                        HttpCommand.create(placementId, body.toCommand(placementId, facts), body, headers, COLLECTION),
                        result -> startFacts.confirm(facts, body.participantId(), body.permitId()),
                        PlacementResponse::render));
    }

    @GET
    @WithSession
    @Operation(operationId = "listPlacements", summary = "Placements, latest start first, filtered and paged",
            description = "By participant, by employer, active or ended, and at risk: atRisk=true lists the active placements a caseworker must look at.")
    @APIResponse(responseCode = "200", description = "One page of placements, latest start first")
    public Uni<Page<QueryResponses.ListItem>> list(
            @RestQuery @Parameter(description = "Only this participant's placements (a UUID)") String participantId,
            @RestQuery @Parameter(description = "Only placements with this employer (a UUID)") String employerId,
            @RestQuery @Parameter(description = "active or ended") String status,
            @RestQuery @Parameter(description = "Only placements that are (true) or are not (false) at risk") String atRisk,
            @RestQuery @Parameter(description = "Page number, from 1") String page,
            @RestQuery @Parameter(description = "Placements per page, 1 to 100 (default 20)") String pageSize) {
        Paging paging = Paging.of(page, pageSize);
        UUID participant = QueryParameters.uuid("participantId", participantId);
        UUID employer = QueryParameters.uuid("employerId", employerId);
        String statusFilter = QueryParameters.oneOf("status", status, Set.of("active", "ended"));
        Boolean riskFilter = QueryParameters.bool("atRisk", atRisk);

        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (participant != null) {
            where.add("p.participantId = :participantId");
            parameters.and("participantId", participant);
        }
        if (employer != null) {
            where.add("p.employerId = :employerId");
            parameters.and("employerId", employer);
        }
        if (statusFilter != null) {
            where.add("p.status = :status");
            parameters.and("status", PlacementSummary.Status.valueOf(statusFilter.toUpperCase(Locale.ROOT)));
        }
        if (riskFilter != null) {
            where.add(riskFilter ? "p.atRiskSince is not null" : "p.atRiskSince is null");
        }
        String query = "from PlacementSummary p" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return paging.list(PlacementSummary.<PlacementSummary>find(query, Sort.descending("startedOn").and("placementId"), parameters),
                QueryResponses.ListItem::of);
    }
}
