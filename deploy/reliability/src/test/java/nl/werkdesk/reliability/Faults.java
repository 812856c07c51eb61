package nl.werkdesk.reliability;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import nl.werkdesk.local.Settings;

/** The faults the suite injected, for its closing report, and putting the stack back together after a failed case. */
final class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class);
    private static final List<String> INJECTED = new ArrayList<>();

    private Faults() {
    }

    static synchronized void injected(String fault) {
        INJECTED.add(fault);
        LOG.infof("fault %d injected: %s", INJECTED.size(), fault);
    }

    static synchronized List<String> all() {
        return List.copyOf(INJECTED);
    }

    /** Kafka and PostgreSQL running, every service ready: what the next test class expects, even after a failure here. */
    static void restoreAll(ReliabilityStack stack) {
        stack.stack.startKafka();
        stack.stack.startPostgres();
        for (Settings.Service service : stack.settings.services()) {
            for (int replica = 0; replica < service.replicas(); replica++) {
                if (!readyWithin(stack, service, replica, java.time.Duration.ofSeconds(60))) {
                    LOG.warnf("%s is not ready after the case: starting it again", service.processName(replica));
                    stack.stack.restart(service.module(), replica);
                }
            }
        }
    }

    static boolean readyWithin(ReliabilityStack stack, Settings.Service service, java.time.Duration timeout) {
        return readyWithin(stack, service, 0, timeout);
    }

    static boolean readyWithin(ReliabilityStack stack, Settings.Service service, int replica, java.time.Duration timeout) {
        try {
            Await.until(service.processName(replica) + " to be ready", timeout, () -> ready(stack, service, replica) ? Boolean.TRUE : null);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    static boolean ready(ReliabilityStack stack, Settings.Service service) {
        return ready(stack, service, 0);
    }

    static boolean ready(ReliabilityStack stack, Settings.Service service, int replica) {
        Http.Reply reply = Http.get(stack.uri(service.module(), replica, "/q/health/ready"), null);
        return reply.status() == 200;
    }
}
