package nl.werkdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** ./werkdesk up --replicas N: N processes per service on consecutive ports, the default ports unchanged for one. */
class ReplicaPortsTest {

    @Test
    void oneReplicaKeepsThePortsAndNamesOfBefore() {
        List<Settings.Service> services = Settings.services(8081, 1);
        assertEquals(List.of(8081, 8082, 8083, 8084, 8085), services.stream().map(Settings.Service::port).toList());
        assertEquals("participant-service", services.get(0).processName(0));
    }

    @Test
    void replicasOfAServiceListenOnConsecutivePorts() {
        List<Settings.Service> services = Settings.services(8081, 3);
        Settings.Service participant = services.get(0);
        Settings.Service employer = services.get(1);
        Settings.Service reporting = services.get(4);
        assertEquals(List.of(8081, 8082, 8083), List.of(participant.port(0), participant.port(1), participant.port(2)));
        assertEquals(8084, employer.port(0));
        assertEquals(8095, reporting.port(2));
        assertEquals(List.of("participant-service-1", "participant-service-2", "participant-service-3"),
                List.of(participant.processName(0), participant.processName(1), participant.processName(2)));
        assertThrows(IllegalArgumentException.class, () -> participant.port(3));
    }

    @Test
    void readsTheReplicasOption() {
        assertEquals(2, Werkdesk.Options.parse(new String[] { "up", "--replicas", "2" }).replicas);
        assertEquals(4, Werkdesk.Options.parse(new String[] { "up", "--replicas=4" }).replicas);
        assertThrows(IllegalArgumentException.class, () -> Werkdesk.Options.parse(new String[] { "up", "--replicas", "0" }));
        assertThrows(IllegalArgumentException.class, () -> Settings.services(8081, 0));
    }
}
