package nl.werkdesk.permit.automation;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.Unavailability;
import org.jboss.logging.Logger;

/**
 * Applies what has become due by today's business date, at the configured interval (also right after start, to
 * catch up). Events are written when their date has come, never ahead of it.
 */
@ApplicationScoped
public class DueDatesJob {

    public static final String IDENTITY = "permit-due-dates";

    private static final Logger LOG = Logger.getLogger(DueDatesJob.class);

    private final PermitAutomation automation;
    private final BusinessCalendar calendar;

    DueDatesJob(PermitAutomation automation, BusinessCalendar calendar) {
        this.automation = automation;
        this.calendar = calendar;
    }

    @Scheduled(identity = IDENTITY, every = "${werkdesk.permit.due-dates-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        return automation.applyDueDates(calendar.today())
                .invoke(changed -> LOG.debugf("due dates applied: %d permit(s) changed", changed))
                .onFailure().invoke(failure -> LOG.warnf("due dates not applied, next run tries again: %s", Unavailability.describe(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
