package nl.werkdesk.permit.messaging;

import static nl.werkdesk.permit.Api.post;
import static nl.werkdesk.permit.Api.requestBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.werkdesk.contracts.EventType;
import nl.werkdesk.contracts.participant.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.contracts.participant.ParticipantEvent.ResidencePermitGranted;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.permit.Api;
import nl.werkdesk.permit.Api.Parties;
import nl.werkdesk.permit.OtherServices;
import nl.werkdesk.permit.automation.PermitAutomation;
import nl.werkdesk.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

/** Drives a permit to every event of the catalog and checks each one, as published, against its JSON Schema. */
@QuarkusTest
class PermitContractTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @Inject
    PermitAutomation automation;

    @Test
    void everyEventPermitServicePublishesMatchesItsSchema() throws Throwable {
        Parties parties = Api.knownParties();
        UUID expired = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(expired, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200);
        post(expired, "decision", Map.of("outcome", "granted", "decidedOn", "2026-01-30", "validFrom", "2026-02-01",
                "validUntil", "2026-06-30")).then().statusCode(200);
        post(expired, "expiry", Map.of("expiredOn", "2026-07-01")).then().statusCode(200);
        UUID refused = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(refused, "completion", Map.of("completedOn", "2026-01-12")).then().statusCode(200);
        post(refused, "decision", Map.of("outcome", "refused", "decidedOn", "2026-02-02", "refusalReason", "already-status-holder"))
                .then().statusCode(200);
        UUID withdrawn = Api.request(requestBody(parties, "2026-02-01", "2026-01-05"));
        post(withdrawn, "withdrawal", Map.of("withdrawnOn", "2026-01-06")).then().statusCode(200);
        UUID declined = Api.request(requestBody(parties, "2025-03-01", "2025-02-20"));

        Parties rejected = Api.knownParties();
        UUID ended = Api.request(requestBody(rejected, "2026-02-01", "2026-01-05"));
        OtherServices.participant(new AsylumApplicationRejected(rejected.participantId(), TODAY.minusDays(30), TODAY.minusDays(2)), 2);
        Api.awaitRow("SELECT 1 FROM known_participants WHERE participant_id = ? AND reception_ends_on IS NOT NULL", rejected.participantId());
        VertxContextSupport.subscribeAndAwait(() -> automation.applyDueDates(TODAY));

        Parties statusHolder = Api.knownParties();
        UUID notRequired = Api.request(requestBody(statusHolder, "2026-02-01", "2026-01-05"));
        OtherServices.participant(new ResidencePermitGranted(statusHolder.participantId(), LocalDate.of(2026, 2, 1)), 2);
        Api.awaitStatus(notRequired, "no-longer-required");

        Set<String> published = new TreeSet<>();
        Map<UUID, Integer> streams = Map.of(expired, 4, refused, 3, withdrawn, 2, declined, 2, ended, 2, notRequired, 2);
        streams.forEach((permitId, count) -> Api.events(permitId, count)
                .forEach(record -> published.add(KafkaTopicReader.header(record, "ce_type"))));
        Set<String> catalog = PermitEvent.CATALOG.types().stream().map(EventType::cloudEventType).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalog, published, "every event of the catalog was published and matched its schema");
    }
}
