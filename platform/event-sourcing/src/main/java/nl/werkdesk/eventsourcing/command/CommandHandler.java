package nl.werkdesk.eventsourcing.command;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.werkdesk.eventsourcing.store.ConcurrencyConflict;
import nl.werkdesk.eventsourcing.store.EventCodec;
import nl.werkdesk.eventsourcing.store.EventStore;
import nl.werkdesk.eventsourcing.store.IdempotencyMark;
import nl.werkdesk.eventsourcing.store.RecordedEvent;

/**
 * Loads a stream, lets the decider decide, appends the events and runs the inline projection, all in one
 * transaction. On a concurrent append it decides again on the fresh state, unless the client pinned the
 * version with If-Match: then the clash is the client's to resolve.
 */
@ApplicationScoped
public class CommandHandler {

    @ConfigMapping(prefix = "werkdesk.commands")
    public interface Config {
        /** How often a command without If-Match is decided again after a concurrent append. */
        @WithDefault("5")
        int conflictRetries();

        /** The first pause before deciding again; it grows with each retry. */
        @WithDefault("PT0.005S")
        Duration conflictBackoff();
    }

    private final EventStore store;
    private final Aggregates aggregates;
    private final Config config;

    CommandHandler(EventStore store, Aggregates aggregates, Config config) {
        this.store = store;
        this.aggregates = aggregates;
        this.config = config;
    }

    /**
     * Handles one command. {@code alsoInTransaction} runs after the append and projection and commits with
     * them (an idempotency record, personal data kept beside the stream).
     */
    public <C, S, E> Uni<CommandResult<S, E>> handle(
            Aggregate<C, S, E> aggregate, CommandRequest<C> request,
            Function<CommandResult<S, E>, Uni<Void>> alsoInTransaction) {
        return handleAndThen(aggregate, request, result -> alsoInTransaction.apply(result).replaceWith(result));
    }

    /**
     * Handles one command and, still in its transaction and session, turns the result into what the caller answers
     * with: a response rendered there reads what the command just wrote from the session, not from the database.
     */
    public <C, S, E, T> Uni<T> handleAndThen(
            Aggregate<C, S, E> aggregate, CommandRequest<C> request, Function<CommandResult<S, E>, Uni<T>> inTransaction) {
        return handleAndThen(aggregate, request, null, inTransaction);
    }

    /**
     * As {@link #handleAndThen(Aggregate, CommandRequest, Function)}, recording {@code idempotency} (when not null) in the
     * append's own statement; a command that appends nothing leaves it to {@code inTransaction}.
     */
    public <C, S, E, T> Uni<T> handleAndThen(Aggregate<C, S, E> aggregate, CommandRequest<C> request, IdempotencyMark idempotency,
                                             Function<CommandResult<S, E>, Uni<T>> inTransaction) {
        Uni<T> attempt = Uni.createFrom().deferred(() -> Panache.withTransaction(
                () -> decideAndAppend(aggregate, request, idempotency).chain(result -> inTransaction.apply(result))));
        if (request.expectedVersion().isPresent()) {
            return attempt;
        }
        return attempt.onFailure(ConcurrencyConflict.class).retry()
                .withBackOff(config.conflictBackoff()).withJitter(0.5)
                .atMost(config.conflictRetries());
    }

    /**
     * Decides and appends inside the caller's transaction, for a command caused by another service's event:
     * the consumer's record of the event, its view updates and these events commit together. No retry
     * here: a concurrent append fails the whole message, and the consumer tries it again.
     */
    public <C, S, E> Uni<CommandResult<S, E>> handleInCurrentTransaction(
            Aggregate<C, S, E> aggregate, CommandRequest<C> request) {
        return decideAndAppend(aggregate, request, null);
    }

    /** The current state and version of a stream, or {@link StreamNotFound}. */
    public <C, S, E> Uni<CommandResult<S, E>> load(Aggregate<C, S, E> aggregate, UUID streamId) {
        return load(aggregate, streamId, Long.MAX_VALUE);
    }

    /** The state of a stream right after {@code version}: what a command's response showed then. */
    public <C, S, E> Uni<CommandResult<S, E>> load(Aggregate<C, S, E> aggregate, UUID streamId, long version) {
        return store.readStream(codec(aggregate), aggregate.streamType(), streamId, version).map(history -> {
            if (history.isEmpty()) {
                throw new StreamNotFound(aggregate.streamType(), streamId);
            }
            return new CommandResult<>(streamId, replay(aggregate, history), history.get(history.size() - 1).version(), List.of());
        });
    }

    /** The stream's events, decoded; empty when it does not exist. */
    public <C, S, E> Uni<List<RecordedEvent<E>>> history(Aggregate<C, S, E> aggregate, UUID streamId) {
        return store.readStream(codec(aggregate), aggregate.streamType(), streamId);
    }

    /**
     * The events of several streams of any of the service's aggregates, by business date: a timeline across streams
     * (an employer with its vacancies), read by the kernel so that no service queries the event table itself.
     */
    public Uni<List<RecordedEvent<Object>>> history(Collection<UUID> streamIds) {
        return store.readStreams(streamIds, aggregates::codecOf);
    }

    private <E> EventCodec<E> codec(Aggregate<?, ?, E> aggregate) {
        return aggregates.codec(aggregate);
    }

    private <C, S, E> Uni<CommandResult<S, E>> decideAndAppend(Aggregate<C, S, E> aggregate, CommandRequest<C> request,
                                                               IdempotencyMark idempotency) {
        EventCodec<E> codec = codec(aggregate);
        UUID streamId = request.streamId();
        // A new stream has no history to read: if it exists after all, the append runs into its first version.
        boolean newStream = request.expectation() == Expectation.NEW_STREAM;
        Uni<List<RecordedEvent<E>>> read = newStream ? Uni.createFrom().item(List.of()) : store.readStream(codec, aggregate.streamType(), streamId);
        return read.chain(history -> {
            long version = history.isEmpty() ? 0 : history.get(history.size() - 1).version();
            if (request.expectation() == Expectation.EXISTING_STREAM && version == 0) {
                throw new StreamNotFound(aggregate.streamType(), streamId);
            }
            if (request.expectedVersion().isPresent() && request.expectedVersion().getAsLong() != version) {
                throw new VersionMismatch(request.expectedVersion().getAsLong(), version);
            }
            S state = replay(aggregate, history);
            List<E> decided = aggregate.decider().decide(request.command(), state);
            if (decided.isEmpty()) {
                return Uni.createFrom().item(new CommandResult<>(streamId, state, version, List.<RecordedEvent<E>>of()));
            }
            S next = aggregate.decider().fold(state, decided);
            return store.append(codec, streamId, aggregate.streamType(), version, decided, request.metadata(), idempotency)
                    .call(appended -> aggregate.projection().apply(streamId, appended))
                    .map(appended -> new CommandResult<>(streamId, next, version + appended.size(), appended));
        }).onFailure(ConcurrencyConflict.class).transform(clash -> newStream
                ? new StreamAlreadyExists(aggregate.streamType(), streamId)
                : request.expectedVersion().isPresent() ? new VersionMismatch(request.expectedVersion().getAsLong()) : clash);
    }

    private static <C, S, E> S replay(Aggregate<C, S, E> aggregate, List<RecordedEvent<E>> history) {
        S state = aggregate.decider().initialState();
        for (RecordedEvent<E> recorded : history) {
            state = aggregate.decider().evolve().apply(state, recorded.event());
        }
        return state;
    }
}
