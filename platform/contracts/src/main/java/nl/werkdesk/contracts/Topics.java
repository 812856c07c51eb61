package nl.werkdesk.contracts;

import java.util.List;

/** The integration log: one topic per producing service, keyed by stream id, kept forever. */
public final class Topics {

    public static final String PARTICIPANTS = "werkdesk.participants.v1";
    public static final String EMPLOYERS = "werkdesk.employers.v1";
    public static final String PERMITS = "werkdesk.permits.v1";
    public static final String PLACEMENTS = "werkdesk.placements.v1";
    public static final String PROGRAMME = "werkdesk.programme.v1";

    /** Every integration topic, in the order the services were introduced. */
    public static final List<String> ALL = List.of(PARTICIPANTS, EMPLOYERS, PERMITS, PLACEMENTS, PROGRAMME);

    /** The services that consume other services' topics; each has its own dead-letter topic. */
    public static final List<String> CONSUMING_SERVICES =
            List.of("employer-service", "permit-service", "placement-service", "reporting-service");

    /** Where a consuming service parks a message it cannot process, with the reason in its headers. */
    public static String deadLetter(String consumingService) {
        return "werkdesk.dead-letter." + consumingService;
    }

    private Topics() {
    }
}
