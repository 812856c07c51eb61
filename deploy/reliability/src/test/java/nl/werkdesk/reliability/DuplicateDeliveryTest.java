package nl.werkdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Duplicate and out-of-order delivery across topics: every consuming service is killed (so it commits nothing more),
 * its consumer groups are set back to the start of every partition, and it is started again, so it receives every
 * event it already applied once more, its channels racing each other across the topics. Every projection and every
 * service view stays exactly as it was, and no consumer applies or causes anything twice.
 */
@Order(3)
class DuplicateDeliveryTest {

    private static final Logger LOG = Logger.getLogger(DuplicateDeliveryTest.class);
    private static final List<String> CONSUMERS = List.of(ReliabilityStack.EMPLOYER, ReliabilityStack.PERMIT, ReliabilityStack.PLACEMENT,
            ReliabilityStack.REPORTING);

    private static final Duration GROUP_EMPTY_TIMEOUT = Duration.ofSeconds(120);
    /**
     * How long a rewound group may take to commit past every record again: every replica of the four services starts
     * at once (eight JVMs on two cores), and each group rebalances as its members join one after the other.
     */
    private static final Duration RECONSUMED_TIMEOUT = Duration.ofMinutes(4);

    private static ReliabilityStack stack;

    @BeforeAll
    static void stack() {
        stack = ReliabilityStack.get();
    }

    @AfterEach
    void servicesRunAgain() {
        Faults.restoreAll(stack);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void consumersReplayedFromTheStartBeforeCommittingLeaveEveryViewAndFigureAsItWas() {
        Checks.assertEveryEventConsumed(stack);
        Persisted before = Persisted.settled(stack);
        Map<String, JsonNode> views = views();
        Map<String, JsonNode> figures = Checks.metrics(stack);
        Map<String, Long> processed = processed();

        long redelivered = 0;
        try (Kafka kafka = new Kafka(stack.settings.kafkaBootstrap())) {
            for (String module : CONSUMERS) {
                for (String group : kafka.groupsOf(module)) {
                    redelivered += kafka.committed(group).values().stream().mapToLong(Long::longValue).sum();
                }
                stack.stack.kill(module);
            }
            Faults.injected("SIGKILL of the four consuming services, their groups rewound to offset 0");
            for (String module : CONSUMERS) {
                // The broker lets a killed consumer's membership lapse after its session timeout (45 s by default).
                Await.until("the consumer groups of " + module + " to be empty and rewound", GROUP_EMPTY_TIMEOUT,
                        () -> rewound(kafka, module));
            }
            restartInParallel(CONSUMERS);
            for (String module : CONSUMERS) {
                for (String group : kafka.groupsOf(module)) {
                    Await.until(group + " to commit past every record again", RECONSUMED_TIMEOUT,
                            () -> kafka.behind(group, stack.topics()).isEmpty() ? Boolean.TRUE : null);
                }
            }
        }
        LOG.infof("%d records delivered a second time to the consumers of %s", redelivered, CONSUMERS);
        assertFalse(redelivered == 0, "the groups had consumed records that are now delivered again");
        assertEquals(processed, processed(), "no consumer recorded an event as newly processed");
        assertEquals(before, Persisted.settled(stack), "no event appended, no key recorded, nothing parked in a dead-letter topic");
        assertEquals(views, views(), "every service view as it was");
        assertEquals(figures, Checks.metrics(stack), "every figure as it was");
        Checks.assertProjectionsEqualARebuild(stack);
    }

    /** Rewinds the groups of a service once none has members left (the broker noticed the killed consumers), else null. */
    private static List<String> rewound(Kafka kafka, String module) {
        List<String> groups = kafka.groupsOf(module);
        for (String group : groups) {
            try {
                kafka.rewindToStart(group);
            } catch (IllegalStateException stillMembers) {
                return null;
            }
        }
        return groups.isEmpty() ? null : groups;
    }

    private static void restartInParallel(List<String> modules) {
        List<Thread> starters = new ArrayList<>();
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (String module : modules) {
            Thread starter = new Thread(() -> {
                try {
                    stack.stack.restart(module);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "restart-" + module);
            starter.start();
            starters.add(starter);
        }
        for (Thread starter : starters) {
            try {
                starter.join(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Rows of processed_events per consuming service. */
    private static Map<String, Long> processed() {
        Map<String, Long> processed = new LinkedHashMap<>();
        CONSUMERS.forEach(module -> processed.put(module, stack.count(module, "SELECT count(*) FROM processed_events")));
        return processed;
    }

    /** Every list the services show, in full: what their consumers keep shows in these (screening, risks, eligibility). */
    private static Map<String, JsonNode> views() {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        view(views, ReliabilityStack.PARTICIPANT, "caseworker", "/participants?pageSize=100");
        view(views, ReliabilityStack.EMPLOYER, "employer-liaison", "/employers?pageSize=100");
        view(views, ReliabilityStack.EMPLOYER, "employer-liaison", "/vacancies?pageSize=100");
        view(views, ReliabilityStack.EMPLOYER, "employer-liaison", "/job-fairs?pageSize=100");
        view(views, ReliabilityStack.PERMIT, "permit-officer", "/permits?pageSize=100");
        view(views, ReliabilityStack.PERMIT, "permit-officer", "/permit-lead-times?pageSize=100");
        view(views, ReliabilityStack.PLACEMENT, "caseworker", "/placements?pageSize=100");
        view(views, ReliabilityStack.REPORTING, "finance", "/programme-ledger");
        // Each item of the lists, as its own resource shows it.
        for (String list : List.of("permit-service /permits", "placement-service /placements")) {
            JsonNode items = views.get(list + "?pageSize=100").path("items");
            String module = list.split(" ")[0];
            String path = list.split(" ")[1];
            String role = module.equals(ReliabilityStack.PERMIT) ? "permit-officer" : "caseworker";
            items.forEach(item -> {
                String id = item.path(module.equals(ReliabilityStack.PERMIT) ? "permitId" : "placementId").asText();
                view(views, module, role, path + "/" + id);
            });
        }
        return views;
    }

    private static void view(Map<String, JsonNode> views, String module, String role, String path) {
        Http.Reply reply = Http.get(stack.api(module, path), stack.bearer(role));
        assertEquals(200, reply.status(), module + " " + path + ": " + reply);
        views.put(module + " " + path, reply.json());
    }
}
