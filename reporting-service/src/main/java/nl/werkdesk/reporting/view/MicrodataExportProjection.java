package nl.werkdesk.reporting.view;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.store.RecordedEvent;
import nl.werkdesk.reporting.domain.MicrodataExportEvent;
import nl.werkdesk.reporting.domain.MicrodataExportEvent.MicrodataExported;

/** Keeps the view in the transaction that records the export's event. */
@ApplicationScoped
public class MicrodataExportProjection implements Aggregate.InlineProjection<MicrodataExportEvent> {

    @Override
    public Uni<Void> apply(UUID streamId, List<RecordedEvent<MicrodataExportEvent>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent<MicrodataExportEvent> recorded : events) {
            if (recorded.event() instanceof MicrodataExported exported) {
                MicrodataExportView view = new MicrodataExportView();
                view.exportId = exported.exportId();
                view.eventId = recorded.eventId();
                view.exportedBy = exported.exportedBy();
                view.exportedOn = exported.exportedOn();
                view.exportedAt = exported.exportedAt();
                view.asOf = exported.asOf();
                view.location = exported.location();
                view.phase = exported.phase();
                view.format = exported.format();
                view.records = exported.rows();
                view.k = exported.k();
                view.kReached = exported.kReached();
                view.generalisations = String.join(",", exported.generalisations());
                view.recordsSuppressed = exported.rowsSuppressed();
                view.sha256 = exported.sha256();
                chain = chain.chain(() -> view.persist().replaceWithVoid());
            }
        }
        return chain;
    }
}
