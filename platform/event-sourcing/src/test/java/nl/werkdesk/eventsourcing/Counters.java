package nl.werkdesk.eventsourcing;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.CommandRequest;
import nl.werkdesk.eventsourcing.command.CommandResult;
import nl.werkdesk.eventsourcing.command.Expectation;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.store.EventMetadata;

/** Drives the sample counter through the command handler, as a service's REST layer would. */
public final class Counters {

    public static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    private final CommandHandler handler;
    private final Aggregate<Counter.Command, Counter.State, CounterEvent> counters;

    public Counters(CommandHandler handler, Aggregate<Counter.Command, Counter.State, CounterEvent> counters) {
        this.handler = handler;
        this.counters = counters;
    }

    public UUID open() {
        UUID id = UUID.randomUUID();
        handle(id, Expectation.NEW_STREAM, new Counter.Command.Open(id, DAY), OptionalLong.empty());
        return id;
    }

    public CommandResult<Counter.State, CounterEvent> increment(UUID id, int by) {
        return handle(id, Expectation.EXISTING_STREAM, new Counter.Command.Increment(by, DAY), OptionalLong.empty());
    }

    public CommandResult<Counter.State, CounterEvent> increment(UUID id, int by, long expectedVersion) {
        return handle(id, Expectation.EXISTING_STREAM, new Counter.Command.Increment(by, DAY), OptionalLong.of(expectedVersion));
    }

    public CommandResult<Counter.State, CounterEvent> close(UUID id) {
        return handle(id, Expectation.EXISTING_STREAM, new Counter.Command.Close(DAY), OptionalLong.empty());
    }

    public CommandResult<Counter.State, CounterEvent> load(UUID id) {
        return await(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> handler.load(counters, id)));
    }

    public List<nl.werkdesk.eventsourcing.store.RecordedEvent<CounterEvent>> history(UUID id) {
        return await(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> handler.history(counters, id)));
    }

    private CommandResult<Counter.State, CounterEvent> handle(UUID id, Expectation expectation, Counter.Command command,
                                                              OptionalLong expectedVersion) {
        return await(() -> handler.handle(counters,
                new CommandRequest<>(id, expectation, command, expectedVersion, EventMetadata.byActor("kernel-test")),
                result -> Uni.createFrom().voidItem()));
    }

    /** Runs reactive code on a fresh Vert.x duplicated context and waits for it, as a request would. */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable failure) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
    }
}
