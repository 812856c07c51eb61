package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.Aggregates;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.StreamAlreadyExists;
import nl.werkdesk.eventsourcing.command.VersionMismatch;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.CounterEvent.CounterIncremented;
import nl.werkdesk.eventsourcing.sample.CounterRejection;
import nl.werkdesk.eventsourcing.sample.CounterTotal;
import nl.werkdesk.eventsourcing.sample.SampleModule;
import nl.werkdesk.eventsourcing.store.ConcurrencyConflict;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.eventsourcing.store.EventStore;
import nl.werkdesk.testing.PostgresServer;
import nl.werkdesk.testing.QueryPlanMisses;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventStoreTest {

    @Inject
    CommandHandler handler;
    @Inject
    Aggregates aggregates;
    @Inject
    EventStore store;
    @Inject
    Aggregate<Counter.Command, Counter.State, CounterEvent> aggregate;
    @Inject
    Mutiny.SessionFactory sessions;

    Counters counters() {
        return new Counters(handler, aggregate);
    }

    @AfterEach
    void viewsWorkAgain() {
        SampleModule.FAIL_INLINE_VIEW.set(false);
    }

    @Test
    void appendsWithoutAddingAQueryPlanPerCommand() {
        UUID id = counters().open();
        counters().increment(id, 1);
        assertEquals(0, QueryPlanMisses.during(sessions.getStatistics(), () -> {
            for (int i = 0; i < 20; i++) {
                counters().increment(id, 1);
            }
        }), "query-plan cache misses over 20 warm commands");
    }

    @Test
    void appendsAndReadsAStreamInVersionOrder() {
        UUID id = counters().open();
        counters().increment(id, 2);
        counters().increment(id, 3);
        var result = counters().load(id);
        assertEquals(3, result.version());
        assertEquals(new Counter.State.Open(id, 5), result.state());
        assertEquals(List.of(1L, 2L, 3L), counters().history(id).stream().map(event -> event.version()).toList());
        assertEquals("kernel-test", counters().history(id).get(1).metadata().actor());
    }

    @Test
    void readsTheEventsOfSeveralStreamsAsOneTimeline() {
        UUID first = counters().open();
        UUID second = counters().open();
        counters().increment(first, 2);
        counters().increment(second, 3);
        List<nl.werkdesk.eventsourcing.store.RecordedEvent<Object>> timeline = Counters.await(
                () -> Panache.withSession(() -> handler.history(List.of(first, second))));
        assertEquals(List.of(first, second, first, second), timeline.stream().map(event -> event.streamId()).toList());
        assertEquals(new CounterIncremented(second, 3, Counters.DAY), timeline.get(3).event());
    }

    @Test
    void refusesAnAppendAtAStaleVersionWithATypedConflict() {
        UUID id = counters().open();
        counters().increment(id, 1);
        var codec = aggregates.codec(aggregate);
        assertThrows(ConcurrencyConflict.class, () -> Counters.await(() -> Panache.withTransaction(() -> store.append(codec, id,
                "counter", 1, List.of(new CounterIncremented(id, 1, Counters.DAY)), EventMetadata.byActor("kernel-test")))));
        assertEquals(2, counters().load(id).version());
    }

    @Test
    void updatesTheInlineViewInTheSameTransactionAsTheAppend() {
        UUID id = counters().open();
        counters().increment(id, 2);
        counters().increment(id, 5);
        CounterTotal total = Counters.await(() -> Panache.withSession(
                () -> CounterTotal.<CounterTotal>findById(SampleModule.inlineViewId(id))));
        assertEquals(7, total.total);
    }

    @Test
    void appendsNothingWhenTheInlineViewFails() {
        UUID id = counters().open();
        SampleModule.FAIL_INLINE_VIEW.set(true);
        assertThrows(IllegalStateException.class, () -> counters().increment(id, 2));
        SampleModule.FAIL_INLINE_VIEW.set(false);
        assertEquals(1, counters().load(id).version());
    }

    @Test
    void refusesToStartAStreamThatAlreadyExistsAndLeavesItAsItWas() {
        UUID id = counters().open();
        counters().increment(id, 2);
        var openAgain = new nl.werkdesk.eventsourcing.command.CommandRequest<Counter.Command>(id,
                nl.werkdesk.eventsourcing.command.Expectation.NEW_STREAM, new Counter.Command.Open(id, Counters.DAY),
                java.util.OptionalLong.empty(), EventMetadata.byActor("kernel-test"));
        assertThrows(StreamAlreadyExists.class,
                () -> Counters.await(() -> handler.handle(aggregate, openAgain, result -> io.smallrye.mutiny.Uni.createFrom().voidItem())));
        assertEquals(2, counters().load(id).version());
        assertEquals(new Counter.State.Open(id, 2), counters().load(id).state());
    }

    @Test
    void letsAnyFirstCommandStartAStreamExpectedToBeEitherNewOrExisting() {
        UUID id = UUID.randomUUID();
        var open = new nl.werkdesk.eventsourcing.command.CommandRequest<Counter.Command>(id,
                nl.werkdesk.eventsourcing.command.Expectation.ANY_STREAM, new Counter.Command.Open(id, Counters.DAY),
                java.util.OptionalLong.empty(), EventMetadata.byActor("kernel-test"));
        Counters.await(() -> handler.handle(aggregate, open, result -> io.smallrye.mutiny.Uni.createFrom().voidItem()));
        assertEquals(1, counters().load(id).version());
        Rejected again = assertThrows(Rejected.class,
                () -> Counters.await(() -> handler.handle(aggregate, open, result -> io.smallrye.mutiny.Uni.createFrom().voidItem())));
        assertEquals(CounterRejection.ALREADY_OPEN, again.code(), "the domain, not the stream's existence, decides");
    }

    @Test
    void appendsInTheCallersTransactionSoThatBothCommitOrNeither() {
        UUID id = counters().open();
        var request = new nl.werkdesk.eventsourcing.command.CommandRequest<Counter.Command>(id,
                nl.werkdesk.eventsourcing.command.Expectation.EXISTING_STREAM, new Counter.Command.Increment(3, Counters.DAY),
                java.util.OptionalLong.empty(), EventMetadata.causedBy("kernel-test", UUID.randomUUID()));
        assertThrows(IllegalStateException.class, () -> Counters.await(() -> Panache.withTransaction(
                () -> handler.handleInCurrentTransaction(aggregate, request)
                        .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("the caller's own work failed"))))));
        assertEquals(1, counters().load(id).version(), "the caller's failure rolled the append back");
        Counters.await(() -> Panache.withTransaction(() -> handler.handleInCurrentTransaction(aggregate, request)));
        assertEquals(2, counters().load(id).version());
        assertEquals("consumer:kernel-test", counters().history(id).get(1).metadata().actor());
    }

    @Test
    void decidesAgainOnTheFreshStateWhenCommandsRaceWithoutIfMatch() throws Exception {
        UUID id = counters().open();
        List<Callable<Long>> increments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            increments.add(() -> counters().increment(id, 1).version());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Long> done : pool.invokeAll(increments)) {
                assertTrue(done.get() > 1);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(new Counter.State.Open(id, 6), counters().load(id).state());
        assertEquals(7, counters().load(id).version());
    }

    @Test
    void letsExactlyOneOfTwoCommandsWinWhenBothPinTheSameVersion() throws Exception {
        UUID id = counters().open();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> counters().increment(id, 1, 1).version()));
            }
            int won = 0;
            int refused = 0;
            for (Future<Long> result : results) {
                try {
                    assertEquals(2L, result.get());
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof VersionMismatch, String.valueOf(e.getCause()));
                    refused++;
                }
            }
            assertEquals(1, won);
            assertEquals(1, refused);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesToRewriteHistory() throws SQLException {
        UUID id = counters().open();
        try (Connection connection = PostgresServer.shared().connect("kernel")) {
            SQLException update = assertThrows(SQLException.class,
                    () -> connection.createStatement().executeUpdate("UPDATE events SET type = 'Changed' WHERE stream_id = '" + id + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class,
                    () -> connection.createStatement().executeUpdate("DELETE FROM events WHERE stream_id = '" + id + "'"));
        }
    }
}
