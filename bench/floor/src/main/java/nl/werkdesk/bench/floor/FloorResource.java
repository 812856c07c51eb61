package nl.werkdesk.bench.floor;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * The framework's floor: what the services' stack does at best for a command that stores one event. A bearer token
 * verified by SmallRye JWT with a role check, a JSON body read by Quarkus REST, and the benchmark's event row inserted
 * by the reactive PostgreSQL client, one statement and so one transaction per request, the row pgbench inserts too.
 */
@Path("/floor/events")
public class FloorResource {

    /** The same statement as the harness's pgbench script: a real event row, copied from the template table. */
    static final String INSERT = "INSERT INTO floor_events (stream_id, stream_type, version, event_id, type, schema_version, data,"
            + " metadata, occurred_at) SELECT $1, stream_type, 1, $2, type, schema_version, data, metadata, date_trunc('day', now())"
            + " FROM bench_template";

    public record Created(UUID id, long version) {
    }

    private final Pool pool;

    FloorResource(Pool pool) {
        this.pool = pool;
    }

    @POST
    @RolesAllowed("caseworker")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> append(JsonNode command) {
        UUID streamId = UUID.randomUUID();
        return pool.preparedQuery(INSERT).execute(Tuple.of(streamId, UUID.randomUUID()))
                .map(inserted -> Response.created(URI.create("/floor/events/" + streamId)).entity(new Created(streamId, 1)).build());
    }
}
