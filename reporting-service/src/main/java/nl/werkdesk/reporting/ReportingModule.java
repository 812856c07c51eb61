package nl.werkdesk.reporting;

import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.eventsourcing.store.DomainEvents;
import nl.werkdesk.reporting.domain.MicrodataExport;
import nl.werkdesk.reporting.domain.MicrodataExportEvent;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.domain.ProgrammeLedger;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent;
import nl.werkdesk.reporting.microdata.MicrodataSettings;
import nl.werkdesk.reporting.microdata.MinimumWages;
import nl.werkdesk.reporting.publication.ProgrammePublication;
import nl.werkdesk.reporting.view.MicrodataExportProjection;

/**
 * Wires the programme ledger and the accounts of the researcher's exports to the kernel, and turns the reporting
 * configuration into domain values.
 */
@ApplicationScoped
public class ReportingModule {

    /**
     * The programme ledger's events as the store keeps them: its own vocabulary, under the names and at the versions the rows
     * stored before it have (those of the published records), so that they read unchanged.
     */
    static final DomainEvents<ProgrammeLedgerEvent> EVENTS = DomainEvents.of(ProgrammeLedgerEvent.class,
            ProgrammeLedgerEvent::occurredOn);
    /** The stored events of an export's account: reporting-service's own. */
    static final DomainEvents<MicrodataExportEvent> EXPORT_EVENTS = DomainEvents.of(MicrodataExportEvent.class,
            MicrodataExportEvent::occurredOn);

    public static final String LEDGER_STREAM_TYPE = "programme-ledger";
    /** A stream per export of the researcher's records: its account. */
    public static final String EXPORT_STREAM_TYPE = "microdata-export";

    @ConfigMapping(prefix = "werkdesk.reporting")
    public interface Config {
        /** The stream id of the programme ledger. */
        UUID ledgerId();

        /** The reception locations where expenditure can be booked. */
        Set<String> locations();

        List<PhaseStart> phases();

        /** Counts from 1 up to this number (exclusive) are suppressed for analysts in every breakdown. */
        int suppressionThreshold();

        /** The longest monthly series one request may ask for. */
        int maxMonths();

        Rebuild rebuild();

        /** How often the evaluation's day counts catch up with the facts, off the consumers' commit (EvaluationCounting). */
        Duration evaluationCountingInterval();

        /** This deployment's secret key of the researcher's pseudonyms; required (the service does not start without it). */
        Optional<String> pseudonymKey();

        /** The statutory minimum wage by the date it came into force (the same table employer-service judges vacancies by). */
        List<MinimumWage> minimumWages();

        Microdata microdata();

        interface MinimumWage {
            LocalDate validFrom();

            /** Gross per hour for adults, in euro cents. */
            long hourlyCents();
        }

        interface Microdata {
            /** Every combination of quasi-identifiers in an export is shared by at least k records; never below 5. */
            int k();
        }

        interface PhaseStart {
            int number();

            LocalDate startsOn();
        }

        interface Rebuild {
            /** How long one poll of the topics waits for records. */
            Duration pollTimeout();

            /** A running rebuild whose replica has not reported for this long may be replaced by a new one. */
            Duration staleAfter();
        }
    }

    @Produces
    @Singleton
    Phases phases(Config config) {
        return Phases.starting(config.phases().stream()
                .map(start -> new Phases.Phase(start.number(), start.startsOn(), null))
                .toList());
    }

    @Produces
    @Singleton
    Aggregate<ProgrammeLedger.Command, ProgrammeLedger.Ledger, ProgrammeLedgerEvent> ledger(Config config, Phases phases) {
        ProgrammeLedger.Rules rules = new ProgrammeLedger.Rules(config.ledgerId(), phases.numbers(), Set.copyOf(config.locations()));
        // The metrics read the ledger's events from Kafka like any other topic, so no inline view is needed.
        return new Aggregate<>(LEDGER_STREAM_TYPE, ProgrammeLedger.decider(rules), EVENTS,
                Aggregate.InlineProjection.none());
    }

    /** The accounts of the researcher's exports, published on the programme topic beside the ledger's events. */
    @Produces
    @Singleton
    Aggregate<MicrodataExport.Command, MicrodataExport.State, MicrodataExportEvent> exports(MicrodataExportProjection projection) {
        return new Aggregate<>(EXPORT_STREAM_TYPE, MicrodataExport.DECIDER, EXPORT_EVENTS, projection);
    }

    /** Made at startup, so that the service refuses to start without a pseudonym key or with a k below 5. */
    @Produces
    @Singleton
    @Startup
    MicrodataSettings microdataSettings(Config config) {
        return MicrodataSettings.of(config.pseudonymKey(), config.microdata().k(), new MinimumWages(config.minimumWages().stream()
                .map(rate -> new MinimumWages.Rate(rate.validFrom(), rate.hourlyCents())).toList()));
    }

    /** What the relay publishes: the ledger's events as they always were published, and each export's account. */
    @Produces
    Publication publication() {
        return ProgrammePublication.PUBLICATION;
    }
}
