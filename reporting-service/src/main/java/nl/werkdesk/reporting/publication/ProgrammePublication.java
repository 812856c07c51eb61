package nl.werkdesk.reporting.publication;

import java.util.List;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.reporting.domain.MicrodataExportEvent;

/**
 * reporting-service's published language on werkdesk.programme.v1: the programme ledger's events as they are stored (they
 * are the contract's records), and each export's account as the contract's MicrodataExported, field for field. Change this
 * mapping on purpose, and the contract with it only through a new schema or topic version.
 */
public final class ProgrammePublication {

    public static final Publication PUBLICATION = Publication.of(ProgrammeEvent.CATALOG)
            .identity(ProgrammeEvent.class)
            .map(MicrodataExportEvent.class, ProgrammePublication::publish);

    private ProgrammePublication() {
    }

    static List<IntegrationEvent> publish(MicrodataExportEvent event) {
        MicrodataExportEvent.MicrodataExported exported = (MicrodataExportEvent.MicrodataExported) event;
        return List.of(new ProgrammeEvent.MicrodataExported(exported.exportId(), exported.exportedBy(), exported.exportedOn(),
                exported.exportedAt(), exported.asOf(), exported.location(), exported.phase(), exported.format(), exported.rows(),
                exported.k(), exported.kReached(), exported.generalisations(), exported.rowsSuppressed(), exported.sha256()));
    }
}
