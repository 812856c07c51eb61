package nl.werkdesk.contracts;

import java.util.List;
import nl.werkdesk.contracts.employer.EmployerEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent;
import nl.werkdesk.contracts.permit.PermitEvent;
import nl.werkdesk.contracts.placement.PlacementEvent;
import nl.werkdesk.contracts.programme.ProgrammeEvent;

/** Every service's catalog, one per topic, in the order of {@link Topics#ALL}. */
public final class Catalogs {

    public static final List<EventCatalog> ALL = List.of(ParticipantEvent.CATALOG, EmployerEvent.CATALOG, PermitEvent.CATALOG,
            PlacementEvent.CATALOG, ProgrammeEvent.CATALOG);

    private Catalogs() {
    }
}
