package nl.werkdesk.reporting.publication;

import java.util.List;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.programme.ProgrammeEvent;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.reporting.domain.MicrodataExportEvent;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent;

/**
 * reporting-service's published language on werkdesk.programme.v1: each stored event of the programme ledger and of an
 * export's account as the contract's record of the same name, one event each, field for field. Change this mapping on
 * purpose, and the contract with it only through a new schema or topic version.
 */
public final class ProgrammePublication {

    public static final Publication PUBLICATION = Publication.of(ProgrammeEvent.CATALOG)
            .map(ProgrammeLedgerEvent.class, ProgrammePublication::publish)
            .map(MicrodataExportEvent.class, ProgrammePublication::publish);

    private ProgrammePublication() {
    }

    static List<IntegrationEvent> publish(ProgrammeLedgerEvent event) {
        if (event instanceof ProgrammeLedgerEvent.BudgetAllocated allocated) {
            return List.of(new ProgrammeEvent.BudgetAllocated(allocated.ledgerId(), allocated.allocationId(), allocated.phase(),
                    allocated.amountCents(), allocated.allocatedOn()));
        }
        if (event instanceof ProgrammeLedgerEvent.ExpenditureBooked booked) {
            return List.of(new ProgrammeEvent.ExpenditureBooked(booked.ledgerId(), booked.bookingId(), booked.category(),
                    booked.amountCents(), booked.location(), booked.bookedOn()));
        }
        ProgrammeLedgerEvent.ExpenditureCorrected corrected = (ProgrammeLedgerEvent.ExpenditureCorrected) event;
        return List.of(new ProgrammeEvent.ExpenditureCorrected(corrected.ledgerId(), corrected.correctionId(), corrected.bookingId(),
                corrected.amountCents(), corrected.correctedOn()));
    }

    static List<IntegrationEvent> publish(MicrodataExportEvent event) {
        MicrodataExportEvent.MicrodataExported exported = (MicrodataExportEvent.MicrodataExported) event;
        return List.of(new ProgrammeEvent.MicrodataExported(exported.exportId(), exported.exportedBy(), exported.exportedOn(),
                exported.exportedAt(), exported.asOf(), exported.location(), exported.phase(), exported.format(), exported.rows(),
                exported.k(), exported.kReached(), exported.generalisations(), exported.rowsSuppressed(), exported.sha256()));
    }
}
