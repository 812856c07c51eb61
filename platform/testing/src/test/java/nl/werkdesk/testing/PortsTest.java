package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void serverPortsAreDistinctAndBelowTheEphemeralRange() {
        int[] ports = Ports.freePorts(2);

        assertEquals(2, ports.length);
        assertNotEquals(ports[0], ports[1]);
        for (int port : ports) {
            assertTrue(port >= 10_000 && port < Ports.ephemeralRangeStart(), "port " + port);
        }
    }

    @Test
    void ephemeralRangeStartIsReadFromTheKernel() {
        assertTrue(Ports.ephemeralRangeStart() > 1024);
    }
}
