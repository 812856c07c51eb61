package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.ViewRebuild;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.SampleModule;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ViewRebuildTest {

    @Inject
    CommandHandler handler;
    @Inject
    Aggregate<Counter.Command, Counter.State, CounterEvent> aggregate;
    @Inject
    ViewRebuild views;

    @Test
    void rebuildsTheInlineViewsFromTheEventStoreAlone() throws SQLException {
        Counters counters = new Counters(handler, aggregate);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = counters.open();
            counters.increment(id, i + 1);
            counters.increment(id, 10);
            ids.add(id);
        }
        List<String> before = inlineRows(ids);
        assertEquals(3, before.size(), "the history has inline rows to rebuild: " + before);

        // Every inline row goes, also those of other tests' counters: a replayed CounterOpened creates its row anew.
        deleteInlineRows();
        assertEquals(List.of(), inlineRows(ids));
        long applied = Counters.await(views::replayAll);

        assertEquals(before, inlineRows(ids));
        assertTrue(applied >= 9, "every stored event was applied: " + applied);
        assertEquals(12, counters.load(ids.get(1)).state() instanceof Counter.State.Open open ? open.total() : -1,
                "commands decide on the stream, not on the view");
    }

    /** The inline rows of these counters; other tests' counters may have views that tests changed on purpose. */
    private static List<String> inlineRows(List<UUID> counters) throws SQLException {
        List<String> mine = counters.stream().map(id -> SampleModule.inlineViewId(id).toString()).toList();
        try (Connection connection = PostgresServer.shared().connect("kernel");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT counter_id, total FROM counter_totals WHERE source = 'inline' ORDER BY counter_id")) {
            List<String> all = new ArrayList<>();
            while (rows.next()) {
                if (mine.contains(rows.getString(1))) {
                    all.add(rows.getString(1) + "=" + rows.getInt(2));
                }
            }
            return all;
        }
    }

    private static void deleteInlineRows() throws SQLException {
        try (Connection connection = PostgresServer.shared().connect("kernel")) {
            connection.createStatement().executeUpdate("DELETE FROM counter_totals WHERE source = 'inline'");
        }
    }
}
