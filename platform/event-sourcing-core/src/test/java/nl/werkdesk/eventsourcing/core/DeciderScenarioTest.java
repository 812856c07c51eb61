package nl.werkdesk.eventsourcing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.core.Door.DoorRejection;
import org.junit.jupiter.api.Test;

/** The given/when/then kit must fail whenever the decider does something other than the test says. */
class DeciderScenarioTest {

    static final UUID ID = UUID.randomUUID();
    static final Door.Event INSTALLED = new Door.Event.Installed(ID, "1234");
    static final DeciderScenario<Door.Command, Door.State, Door.Event> DOOR = DeciderScenario.with(Door.DECIDER);

    @Test
    void passesWhenTheDecidedEventsAreTheExpectedOnesAndReturnsTheNewState() {
        Door.State after = DOOR.given(INSTALLED).when(new Door.Command.Open("1234")).then(new Door.Event.Opened());
        assertEquals(new Door.State.Open(ID, "1234"), after);
    }

    @Test
    void failsWhenTheDecidedEventsDiffer() {
        var outcome = DOOR.given(INSTALLED).when(new Door.Command.Open("1234"));
        assertThrows(AssertionError.class, () -> outcome.then());
        assertThrows(AssertionError.class, () -> outcome.rejectedWith(DoorRejection.ALREADY_OPEN));
    }

    @Test
    void matchesARefusalByItsCodeAndTellsAStateRefusalFromAFieldRefusal() {
        DOOR.given(INSTALLED, new Door.Event.Opened()).when(new Door.Command.Open("1234")).rejectedWith(DoorRejection.ALREADY_OPEN);
        var wrongCode = DOOR.given(INSTALLED).when(new Door.Command.Open("0000"));
        Rejected rejected = wrongCode.rejectedOn("code", DoorRejection.WRONG_CODE);
        assertEquals("does not open this door", rejected.reason());
        assertThrows(AssertionError.class, () -> wrongCode.rejectedOn("other", DoorRejection.WRONG_CODE));
        assertThrows(AssertionError.class, () -> wrongCode.rejectedWith(DoorRejection.WRONG_CODE));
        assertThrows(AssertionError.class, () -> DOOR.given().when(new Door.Command.Open("1")).rejectedWith(DoorRejection.ALREADY_OPEN));
        assertThrows(AssertionError.class, () -> wrongCode.then());
    }

    @Test
    void namesTheCodesOfEachKind() {
        assertEquals("already-installed", DoorRejection.ALREADY_INSTALLED.code());
        assertEquals("wrong-code", DoorRejection.WRONG_CODE.code());
    }

    @Test
    void refusesAFieldCodeWithoutAFieldAndAStateCodeWithOne() {
        assertThrows(IllegalArgumentException.class, () -> new Rejected(DoorRejection.WRONG_CODE, "no field"));
        assertThrows(IllegalArgumentException.class, () -> new Rejected(DoorRejection.ALREADY_OPEN, "code", "a field"));
    }

    @Test
    void findsATypeWithoutAnExample() {
        SealedTypes.assertEveryTypeHasAnExample(Door.Event.class, List.of(INSTALLED, new Door.Event.Opened()));
        AssertionError missing = assertThrows(AssertionError.class,
                () -> SealedTypes.assertEveryTypeHasAnExample(Door.Command.class, List.of(new Door.Command.Open("1"))));
        assertEquals("no example of [Install] (permitted by Command)", missing.getMessage());
    }
}
