package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import nl.werkdesk.eventsourcing.sample.Counter;
import nl.werkdesk.eventsourcing.sample.CounterEvent;
import nl.werkdesk.eventsourcing.sample.CounterEvent.CounterIncremented;
import nl.werkdesk.eventsourcing.sample.CounterEvent.CounterOpened;
import org.junit.jupiter.api.Test;

/** The given/when/then helper must fail when the decider does something else than the test says. */
class DeciderScenarioTest {

    static final UUID ID = UUID.randomUUID();
    static final DeciderScenario<Counter.Command, Counter.State, CounterEvent> COUNTER = DeciderScenario.with(Counter.DECIDER);

    @Test
    void passesWhenTheDecidedEventsAreTheExpectedOnesAndReturnsTheNewState() {
        Counter.State after = COUNTER.given(new CounterOpened(ID, Counters.DAY))
                .when(new Counter.Command.Increment(2, Counters.DAY))
                .then(new CounterIncremented(ID, 2, Counters.DAY));
        assertEquals(new Counter.State.Open(ID, 2), after);
    }

    @Test
    void failsWhenTheDecidedEventsDiffer() {
        var outcome = COUNTER.given(new CounterOpened(ID, Counters.DAY)).when(new Counter.Command.Increment(2, Counters.DAY));
        assertThrows(AssertionError.class, () -> outcome.then(new CounterIncremented(ID, 3, Counters.DAY)));
        assertThrows(AssertionError.class, () -> outcome.rejectedWith("not open"));
    }

    @Test
    void tellsARejectionOfTheStateFromOneOfAField() {
        COUNTER.given().when(new Counter.Command.Increment(1, Counters.DAY)).rejectedWith("not open");
        var byField = COUNTER.given(new CounterOpened(ID, Counters.DAY)).when(new Counter.Command.Increment(0, Counters.DAY));
        byField.rejectedOn("by", "must be positive");
        assertThrows(AssertionError.class, () -> byField.rejectedWith("must be positive"));
        assertThrows(AssertionError.class, () -> byField.then());
    }
}
