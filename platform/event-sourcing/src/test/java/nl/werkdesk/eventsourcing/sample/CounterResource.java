package nl.werkdesk.eventsourcing.sample;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/** The sample counter over HTTP: how a resource documents the refusals of its operations. */
@Path("/api/v1/counters/{counterId}")
@RolesAllowed(Roles.CASEWORKER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CounterResource {

    /** Each counter's limit, as another service publishes it; a counter without one has not heard of it yet. */
    public static final Map<UUID, Integer> LIMITS = new ConcurrentHashMap<>();
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    public record IncrementRequest(@NotNull Integer by) {
    }

    public record CounterBody(int total) {
    }

    private final HttpCommands commands;
    private final Aggregate<Counter.Command, Counter.State, CounterEvent> counters;

    CounterResource(HttpCommands commands, Aggregate<Counter.Command, Counter.State, CounterEvent> counters) {
        this.commands = commands;
        this.counters = counters;
    }

    @POST
    @Path("/increments")
    @Operation(operationId = "incrementCounter", summary = "Add to the counter, within the limit another service sets")
    @Refusals(of = CounterRejection.class, value = {"not-open", "not-positive", "over-limit", "limit-not-known-yet"})
    public Uni<Response> increment(@RestPath UUID counterId, @Valid @NotNull IncrementRequest body, @BeanParam CommandHeaders headers) {
        Counter.Command command = new Counter.Command.IncrementWithinLimit(body.by(), LIMITS.get(counterId), DAY);
        return commands.execute(counters, HttpCommand.update(counterId, command, body, headers),
                result -> Uni.createFrom().item(new CounterBody(((Counter.State.Open) result.state()).total())));
    }
}
