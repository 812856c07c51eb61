package nl.werkdesk.reporting.microdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    static final String KEY = "test-only-pseudonym-key-never-for-real-data";
    static final String OTHER_KEY = "another-deployment-key-0123456789abcdef";
    static final UUID PARTICIPANT = UUID.fromString("3f0b6a52-8f0e-4d57-9d0c-2f1f7d3c5a10");

    @Test
    void isTheFirstSixteenHexCharactersOfHmacSha256OfTheIdUnderTheKey() {
        // echo -n 3f0b6a52-8f0e-4d57-9d0c-2f1f7d3c5a10 | openssl dgst -sha256 -hmac test-only-pseudonym-key-never-for-real-data
        assertEquals("1548f3267a47cb9a", new Pseudonyms(KEY).of(PARTICIPANT));
        assertEquals("3bc975eced028e29", new Pseudonyms(OTHER_KEY).of(PARTICIPANT));
    }

    @Test
    void staysTheSameUnderTheSameKeyAndDiffersUnderAnother() {
        Pseudonyms ours = new Pseudonyms(KEY);
        Pseudonyms again = new Pseudonyms(KEY);
        Pseudonyms theirs = new Pseudonyms(OTHER_KEY);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            UUID participant = UUID.randomUUID();
            String pseudonym = ours.of(participant);
            assertEquals(pseudonym, again.of(participant));
            assertNotEquals(pseudonym, theirs.of(participant));
            assertTrue(pseudonym.matches("^[0-9a-f]{16}$"), pseudonym);
            assertTrue(seen.add(pseudonym), "no two participants share a pseudonym");
            assertTrue(!participant.toString().replace("-", "").contains(pseudonym), "the pseudonym is no part of the id");
        }
    }
}
