package nl.werkdesk.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.werkdesk.contracts.Topics;

/**
 * What the stack has written, counted: events users' requests appended and idempotency records in every service's
 * database, personal data, the ends of the dead-letter topics. Two equal snapshots around a batch of refused requests: nothing was persisted.
 */
record Persisted(Map<String, Long> rows, Map<String, Long> topicEnds) {

    static List<String> allTopics() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.CONSUMING_SERVICES.forEach(s -> topics.add(Topics.deadLetter(s)));
        return topics;
    }

    static Persisted take(ReliabilityStack stack) {
        Map<String, Long> rows = new TreeMap<>();
        stack.settings.services().forEach(service -> {
            // Events a user's request appended (the token subject is the actor); the services' own background work
            // (a 26-week milestone, a command a consumed event causes) may append at any time.
            rows.put(service.module() + " events by users", stack.count(service.module(),
                    "SELECT count(*) FROM events WHERE metadata->>'actor' LIKE 'dev-%'"));
            rows.put(service.module() + " idempotency_records", stack.count(service.module(), "SELECT count(*) FROM idempotency_records"));
        });
        rows.put("participant-service participants", stack.count(ReliabilityStack.PARTICIPANT, "SELECT count(*) FROM participants"));
        rows.put("participant-service participant_personal_data",
                stack.count(ReliabilityStack.PARTICIPANT, "SELECT count(*) FROM participant_personal_data"));
        try (Kafka kafka = new Kafka(stack.settings.kafkaBootstrap())) {
            // Events reach the integration topics only through the relay, from the event stores counted above.
            return new Persisted(rows, kafka.endOffsets(Topics.CONSUMING_SERVICES.stream().map(Topics::deadLetter).toList()));
        }
    }

    /** Waits until two snapshots a second apart agree: nothing in flight (relay, consumers, milestone checks). */
    static Persisted settled(ReliabilityStack stack) {
        return Await.until("the stack to settle (no writes for a second)", ReliabilityStack.PROPAGATION, () -> {
            Persisted first = take(stack);
            Await.sleep(java.time.Duration.ofSeconds(1));
            return first.equals(take(stack)) ? first : null;
        });
    }
}
