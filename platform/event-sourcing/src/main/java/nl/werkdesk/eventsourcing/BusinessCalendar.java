package nl.werkdesk.eventsourcing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Business time: commands carry the date something happened; "today" is decided here, at the edge, in
 * the municipality's time zone, and never inside the domain.
 */
@ApplicationScoped
public class BusinessCalendar {

    private final ZoneId zone;
    private final Clock clock;

    public BusinessCalendar(@ConfigProperty(name = "werkdesk.business-time-zone") ZoneId zone) {
        this.zone = zone;
        this.clock = Clock.system(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The instant a business date starts, as stored in occurred_at and sent as ce_time. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
