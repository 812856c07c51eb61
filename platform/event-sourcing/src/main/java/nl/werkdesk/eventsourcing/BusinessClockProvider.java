package nl.werkdesk.eventsourcing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/** Lets @PastOrPresent judge dates by the municipality's calendar, not the server's time zone. */
@ApplicationScoped
public class BusinessClockProvider implements ClockProvider {

    private final Clock clock;

    BusinessClockProvider(BusinessCalendar calendar) {
        this.clock = Clock.system(calendar.zone());
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
