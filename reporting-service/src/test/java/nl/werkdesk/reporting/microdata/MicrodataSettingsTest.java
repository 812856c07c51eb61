package nl.werkdesk.reporting.microdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks the service runs at startup (ReportingModule makes the settings then); the launcher's test starts a jar without a key. */
class MicrodataSettingsTest {

    static final MinimumWages WAGES = new MinimumWages(List.of(new MinimumWages.Rate(java.time.LocalDate.of(2025, 1, 1), 1406)));
    static final String KEY = PseudonymsTest.KEY;

    @Test
    void refusesToStartWithoutAPseudonymKey() {
        for (Optional<String> missing : List.of(Optional.<String>empty(), Optional.of(""), Optional.of("   "))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> MicrodataSettings.of(missing, 5, WAGES));
            assertTrue(refused.getMessage().startsWith("werkdesk.reporting.pseudonym-key is not set"), refused.getMessage());
        }
    }

    @Test
    void refusesAShortPseudonymKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> MicrodataSettings.of(Optional.of("short"), 5, WAGES));
        assertTrue(refused.getMessage().startsWith("werkdesk.reporting.pseudonym-key is 5 characters long"), refused.getMessage());
    }

    @Test
    void refusesAKBelowFive() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> MicrodataSettings.of(Optional.of(KEY), 4, WAGES));
        assertTrue(refused.getMessage().startsWith("werkdesk.reporting.microdata.k is 4"), refused.getMessage());
    }

    @Test
    void acceptsAKeyAndAKOfFiveOrMore() {
        assertEquals(5, MicrodataSettings.of(Optional.of(KEY), 5, WAGES).k());
        assertEquals("1548f3267a47cb9a", MicrodataSettings.of(Optional.of(" " + KEY + " "), 11, WAGES).pseudonyms()
                .of(PseudonymsTest.PARTICIPANT), "surrounding blanks are no part of the key");
    }
}
