package nl.werkdesk.reporting.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.ReportingModule;
import nl.werkdesk.reporting.view.ProjectionRebuild;
import nl.werkdesk.reporting.view.ProjectionRebuildRejection;
import nl.werkdesk.reporting.view.ProjectionRebuilder;
import nl.werkdesk.reporting.view.ProjectionState;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Rebuilds of the projections, for operators: start one (the service keeps answering from the live generation
 * meanwhile), follow its progress, see which generation the metrics read.
 */
@Path("/api/v1/projection-rebuilds")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Projection rebuilds", description = "Rebuild every projection from the beginning of the topics, without stopping the service (operator)")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionRebuildResource {

    static final String COLLECTION = "/api/v1/projection-rebuilds/";

    private final ProjectionRebuilder rebuilder;
    private final SecurityIdentity identity;
    private final ReportingModule.Config config;

    ProjectionRebuildResource(ProjectionRebuilder rebuilder, SecurityIdentity identity, ReportingModule.Config config) {
        this.rebuilder = rebuilder;
        this.identity = identity;
        this.config = config;
    }

    @Schema(name = "ProjectionRebuild", description = "A rebuild into a new generation of the projections")
    public record RebuildResponse(
            @Schema(description = "The generation it builds; also its id") int generation,
            @Schema(enumeration = {"running", "completed", "failed"}) String status,
            @Schema(description = "True when the metrics read this generation") boolean live,
            @Schema(description = "True when a running rebuild has not reported for longer than it may; a new rebuild replaces it")
            boolean stalled,
            String requestedBy,
            Instant startedAt,
            Instant heartbeatAt,
            @Schema(nullable = true) Instant finishedAt,
            @Schema(description = "Offsets read so far, over all partitions of all topics") long consumedOffsets,
            @Schema(description = "Offsets to read: the ends of the topics when the rebuild started") long targetOffsets,
            @Schema(description = "consumedOffsets / targetOffsets in percent") int percentDone,
            @Schema(description = "Events written into the new generation by the rebuild") long eventsApplied,
            @Schema(description = "Records that are no event this service reads (they went to the dead-letter topic when they came)")
            long eventsSkipped,
            @Schema(nullable = true, description = "Why it failed") String failure,
            @Schema(description = "Where its time went so far") RebuildDurations durations) {
    }

    @Schema(name = "ProjectionRebuildDurations", description = "Where a rebuild's time went, in milliseconds of wall time")
    public record RebuildDurations(
            @Schema(description = "Reading the topics: the replay's Kafka polls") long kafkaPollMillis,
            @Schema(description = "Decoding the records read as integration events") long decodingMillis,
            @Schema(description = "Writing the facts of every poll into the new generation, one transaction per poll, as the rebuild waited for it")
            long factWritesMillis,
            @Schema(nullable = true, description = "At the switch: deleting the older generations' facts and counts; null until it switched")
            Long olderGenerationsDeletedMillis,
            @Schema(nullable = true, description = "At the switch: counting the new generation; null until it switched") Long countsFilledMillis) {
    }

    @Schema(name = "ProjectionRebuilds")
    public record RebuildsResponse(
            @Schema(description = "The generation the metrics read") int liveGeneration,
            @Schema(nullable = true, description = "The generation a running rebuild fills; null when none runs") Integer buildingGeneration,
            @Schema(description = "Newest first") List<RebuildResponse> rebuilds) {
    }

    @POST
    @Operation(operationId = "startProjectionRebuild",
            summary = "Start rebuilding every projection from the beginning of the topics; the metrics switch when it has caught up")
    @APIResponse(responseCode = "202", description = "Started; Location is where its progress shows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildResponse.class)))
    @Refusals(of = ProjectionRebuildRejection.class, value = "rebuild-already-running")
    public Uni<Response> start() {
        return rebuilder.start(identity.getPrincipal().getName()).map(rebuild -> Response.accepted(render(rebuild, 0))
                .location(URI.create(COLLECTION + rebuild.generation)).build());
    }

    @GET
    @WithSession
    @Operation(operationId = "listProjectionRebuilds", summary = "The live generation and every rebuild, newest first")
    @APIResponse(responseCode = "200", description = "The rebuilds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildsResponse.class)))
    public Uni<RebuildsResponse> list() {
        return ProjectionState.<ProjectionState>findById(ProjectionState.ID).chain(state -> ProjectionRebuild
                .<ProjectionRebuild>listAll(Sort.descending("generation"))
                .map(rebuilds -> new RebuildsResponse(state.liveGeneration, state.buildingGeneration,
                        rebuilds.stream().map(rebuild -> render(rebuild, state.liveGeneration)).toList())));
    }

    @GET
    @Path("/{generation}")
    @WithSession
    @Operation(operationId = "getProjectionRebuild", summary = "One rebuild and its progress")
    @APIResponse(responseCode = "200", description = "The rebuild",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildResponse.class)))
    public Uni<RebuildResponse> get(@RestPath int generation) {
        return ProjectionState.<ProjectionState>findById(ProjectionState.ID).chain(state -> ProjectionRebuild
                .<ProjectionRebuild>findById(generation).map(rebuild -> {
                    if (rebuild == null) {
                        throw new NotFoundException();
                    }
                    return render(rebuild, state.liveGeneration);
                }));
    }

    private RebuildResponse render(ProjectionRebuild rebuild, int liveGeneration) {
        boolean running = ProjectionRebuild.RUNNING.equals(rebuild.status);
        boolean stalled = running && rebuild.heartbeatAt.isBefore(Instant.now().minus(config.rebuild().staleAfter()));
        int percent = rebuild.targetOffsets == 0 ? (running ? 0 : 100)
                : (int) Math.min(100, rebuild.consumedOffsets * 100 / rebuild.targetOffsets);
        return new RebuildResponse(rebuild.generation, rebuild.status, rebuild.generation == liveGeneration, stalled,
                rebuild.requestedBy, rebuild.startedAt, rebuild.heartbeatAt, rebuild.finishedAt, rebuild.consumedOffsets,
                rebuild.targetOffsets, percent, rebuild.eventsApplied, rebuild.eventsSkipped, rebuild.failure,
                new RebuildDurations(rebuild.pollMillis, rebuild.decodeMillis, rebuild.writeMillis, rebuild.deleteMillis, rebuild.fillMillis));
    }
}
