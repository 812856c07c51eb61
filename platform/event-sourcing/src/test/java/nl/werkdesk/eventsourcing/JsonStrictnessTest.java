package nl.werkdesk.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.eventsourcing.http.JsonStrictness;
import org.junit.jupiter.api.Test;

/** Request bodies as the services read them: a doubtful body is refused as bad input (400), never guessed at or failed on (500). */
class JsonStrictnessTest {

    record Activity(String activity, LocalDate completedOn) {
    }

    record Filling(LocalDate filledOn, UUID participantId) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonStrictness().customize(mapper);
        return mapper;
    }

    @Test
    void readsAWellFormedRequest() throws Exception {
        assertEquals(new Activity("cv-help", LocalDate.of(2025, 3, 3)),
                mapper.readValue("{\"activity\":\"cv-help\",\"completedOn\":\"2025-03-03\"}", Activity.class));
    }

    /** Jackson binds a record's duplicate field as an InvalidDefinitionException, which Quarkus answers with a bare 500. */
    @Test
    void refusesAFieldThatOccursTwiceAsMalformedJson() {
        assertThrows(JsonParseException.class, () -> mapper.readValue(
                "{\"activity\":\"cv-help\",\"completedOn\":\"2025-03-03\",\"activity\":\"job-fair\"}", Activity.class));
    }

    /** A business date is a date: a date-time would be cut to its UTC day, which may be another day in Amsterdam. */
    @Test
    void refusesADateTimeWhereADateIsExpected() {
        assertThrows(InvalidFormatException.class, () -> mapper.readValue(
                "{\"activity\":\"cv-help\",\"completedOn\":\"2025-03-03T23:30:00Z\"}", Activity.class));
    }

    /** Jackson trims a UUID's text and reads what is left empty as null: a NUL character would mean "no participant". */
    @Test
    void refusesAnEmptyOrInvisibleTextWhereAUuidIsExpected() {
        for (String invisible : new String[] {"", "   ", "\\u0000"}) {
            assertThrows(MismatchedInputException.class, () -> mapper.readValue(
                    "{\"filledOn\":\"2025-03-03\",\"participantId\":\"" + invisible + "\"}", Filling.class), invisible);
        }
    }
}
