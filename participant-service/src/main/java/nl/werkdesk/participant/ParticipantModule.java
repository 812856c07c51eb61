package nl.werkdesk.participant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.eventsourcing.store.DomainEvents;
import nl.werkdesk.participant.domain.Participant;
import nl.werkdesk.participant.domain.ParticipantEvent;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.participant.domain.WorkEligibilityPolicies;
import nl.werkdesk.participant.domain.WorkEligibilityPolicy;
import nl.werkdesk.participant.publication.ParticipantPublication;
import nl.werkdesk.participant.view.ParticipantProjection;

/** Wires the participant domain to the kernel: the aggregate, its stored events, its publication and the dated policies. */
@ApplicationScoped
public class ParticipantModule {

    /**
     * The participant's events as the store keeps them. ParticipantRegistered is at version 2 (the W-document as one
     * value); rows stored at version 1 are read through {@link #wDocumentAsOneValue}, and never rewritten.
     */
    static final DomainEvents<ParticipantEvent> EVENTS = DomainEvents.of(ParticipantEvent.class, ParticipantEvent::occurredOn)
            .upcast(ParticipantRegistered.class, 1, ParticipantModule::wDocumentAsOneValue);

    public static final String STREAM_TYPE = "participant";

    @ConfigMapping(prefix = "werkdesk.participant")
    public interface Config {
        /** The reception locations (azc) where the pilot enrols participants. */
        Set<String> locations();
    }

    @ConfigMapping(prefix = "werkdesk.eligibility")
    public interface EligibilityConfig {
        List<Policy> policies();

        interface Policy {
            String id();

            String name();

            LocalDate validFrom();

            /** Per asylum track (regular, high-recognition-chance, safe-country-of-origin); a missing track has no access. */
            Map<String, Period> waitingPeriods();

            @WithDefault("true")
            boolean dublinClaimantsExcluded();

            @WithName("max-work-weeks-per-52-weeks")
            OptionalInt maxWorkWeeksPer52Weeks();

            @WithDefault("18")
            int minimumAge();

            @WithDefault("P28D")
            Period departureTerm();
        }
    }

    @Produces
    @Singleton
    WorkEligibilityPolicies policies(EligibilityConfig config) {
        return new WorkEligibilityPolicies(config.policies().stream().map(policy -> {
            Map<AsylumTrack, Period> waits = new EnumMap<>(AsylumTrack.class);
            policy.waitingPeriods().forEach((track, period) ->
                    waits.put(AsylumTrack.valueOf(track.toUpperCase(java.util.Locale.ROOT).replace('-', '_')), period));
            return new WorkEligibilityPolicy(policy.id(), policy.name(), policy.validFrom(), waits,
                    policy.dublinClaimantsExcluded(), policy.maxWorkWeeksPer52Weeks(), policy.minimumAge(), policy.departureTerm());
        }).toList());
    }

    @Produces
    @Singleton
    Aggregate<Participant.Command, Participant.State, ParticipantEvent> participants(WorkEligibilityPolicies policies,
                                                                                   ParticipantProjection projection) {
        return new Aggregate<>(STREAM_TYPE, Participant.decider(policies), EVENTS, projection);
    }

    /** What the relay publishes: the participant's events in the published language of werkdesk.participants.v1. */
    @Produces
    Publication publication() {
        return ParticipantPublication.PUBLICATION;
    }

    /** ParticipantRegistered v1 to v2: {"wDocumentType", "wDocumentValidUntil"} become {"wDocument": {"type", "validUntil"}}. */
    static ObjectNode wDocumentAsOneValue(ObjectNode registered) {
        ObjectNode wDocument = registered.objectNode();
        wDocument.set("type", registered.remove("wDocumentType"));
        wDocument.set("validUntil", registered.remove("wDocumentValidUntil"));
        registered.set("wDocument", wDocument);
        return registered;
    }
}
