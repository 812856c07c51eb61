package nl.werkdesk.reporting;

import static nl.werkdesk.reporting.Events.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent.CandidateMetEmployer;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.participant.ParticipantEvent.ResidencePermitGranted;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustained;

/**
 * A cohort for the researcher's export, at a location of its own, worked out by hand (MicrodataTest has the records). All of
 * 2025; every participant regular track with a W-document unless said otherwise:
 * <pre>
 *   P1 enrolled 03-03, intake 03-12 (Dutch A1, English B1, horeca and cleaning); application training 03-15, CV help 03-20
 *      and 04-01, a job fair 04-10 where they also met an employer, and met another employer at a fair on 05-05; TWVs T1 and
 *      T2 both requested 03-25: T1 granted 04-20 (26 days), T2 refused 05-10; T3 requested 04-01, withdrawn 04-15; placement
 *      on T1 from 05-01, horeca, fixed-term, 32 h at 15.47 (110.03% of the 14.06 minimum wage), sustained 10-30
 *   P2 enrolled 03-04, intake 03-12 (A1); placement 04-01 (home care, temporary via an agency, 20 h at 14.06: exactly the
 *      minimum), ended 06-01 by a COA relocation
 *   P3 enrolled 03-05, intake 03-12 (A1); asylum granted 06-01
 *   P4 enrolled 03-06, intake 03-12 (A1); left the pilot 07-01 (departed)
 *   P5 enrolled 03-07, intake 03-12 (A1)
 *   P6 enrolled 02-20, intake 03-12 (A2)
 *   P7 enrolled 03-10 on the high-recognition-chance track, intake 03-12 (A1)
 *   P8 enrolled 03-11, no intake
 * </pre>
 * As of 10-31 the combinations (month, track, Dutch level) are: March-regular-A1 5 times, and four single ones. The quarter,
 * then the year, do not help; the Dutch band makes P6 one of six (none/A); leaving the track blank joins P7 (seven); P8, the
 * only one without a Dutch level, is suppressed: k reached 7. As of 03-08 nobody had an intake and P1 to P6 were enrolled:
 * five in March and one in February, so the quarter suffices (k reached 6).
 */
public final class MicrodataCohort {

    public final String location = "Onderzoek-" + UUID.randomUUID().toString().substring(0, 8);
    public final List<UUID> participants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    /** Every id and every date in the cohort's events: none may appear in an export. */
    public final List<String> ids = new ArrayList<>();
    public final List<String> dates = new ArrayList<>();
    private final UUID employer = UUID.randomUUID();
    private final UUID vacancy = UUID.randomUUID();
    private final List<IntegrationEvent> events = new ArrayList<>();

    public UUID p(int number) {
        return participants.get(number - 1);
    }

    public MicrodataCohort publish() {
        UUID t1 = UUID.randomUUID();
        UUID t2 = UUID.randomUUID();
        UUID t3 = UUID.randomUUID();
        UUID placement1 = UUID.randomUUID();
        UUID placement2 = UUID.randomUUID();
        UUID fair1 = UUID.randomUUID();
        UUID fair2 = UUID.randomUUID();

        enrol(p(1), "03-03", AsylumTrack.REGULAR, LanguageLevel.A1, LanguageLevel.B1, Set.of(Sector.CLEANING, Sector.HORECA));
        events.add(new ActivityCompleted(p(1), ActivityType.APPLICATION_TRAINING, day("03-15")));
        events.add(new ActivityCompleted(p(1), ActivityType.CV_HELP, day("03-20")));
        events.add(new ActivityCompleted(p(1), ActivityType.CV_HELP, day("04-01")));
        events.add(new ActivityCompleted(p(1), ActivityType.JOB_FAIR, day("04-10")));
        events.add(new CandidateMetEmployer(fair1, p(1), employer, day("04-10")));
        events.add(new CandidateMetEmployer(fair2, p(1), employer, day("05-05")));
        events.add(requested(t1, p(1), "03-25"));
        events.add(new TwvGranted(t1, p(1), employer, vacancy, day("04-20"), day("04-20"), date("2026-03-01")));
        events.add(requested(t2, p(1), "03-25"));
        events.add(new TwvRefused(t2, p(1), day("05-10"), RefusalReason.WAGE_NOT_MARKET_RATE));
        events.add(requested(t3, p(1), "04-01"));
        events.add(new TwvWithdrawn(t3, p(1), day("04-15")));
        events.add(new PlacementStarted(placement1, p(1), employer, vacancy, t1, Sector.HORECA, location, day("05-01"), 32, 1_547,
                ContractType.FIXED_TERM));
        events.add(new PlacementSustained(placement1, p(1), day("10-30")));

        enrol(p(2), "03-04", AsylumTrack.REGULAR, LanguageLevel.A1, LanguageLevel.A1, Set.of());
        events.add(new PlacementStarted(placement2, p(2), employer, vacancy, null, Sector.HOME_CARE, location, day("04-01"), 20, 1_406,
                ContractType.TEMPORARY_VIA_AGENCY));
        events.add(new PlacementEnded(placement2, p(2), day("06-01"), EndReason.RELOCATED_BY_COA));

        enrol(p(3), "03-05", AsylumTrack.REGULAR, LanguageLevel.A1, LanguageLevel.A1, Set.of());
        events.add(new ResidencePermitGranted(p(3), day("06-01")));
        enrol(p(4), "03-06", AsylumTrack.REGULAR, LanguageLevel.A1, LanguageLevel.A1, Set.of());
        events.add(new ParticipantLeftPilot(p(4), LeaveReason.DEPARTED, day("07-01")));
        enrol(p(5), "03-07", AsylumTrack.REGULAR, LanguageLevel.A1, LanguageLevel.A1, Set.of());
        enrol(p(6), "02-20", AsylumTrack.REGULAR, LanguageLevel.A2, LanguageLevel.A2, Set.of());
        enrol(p(7), "03-10", AsylumTrack.HIGH_RECOGNITION_CHANCE, LanguageLevel.A1, LanguageLevel.A1, Set.of());
        events.add(registered(p(8), "03-11", AsylumTrack.REGULAR));

        for (UUID id : List.of(t1, t2, t3, placement1, placement2, fair1, fair2, employer, vacancy)) {
            ids.add(id.toString());
        }
        participants.forEach(id -> ids.add(id.toString()));
        events.forEach(event -> dates.add(event.occurredOn().toString()));
        Events.publishAndAwait(events.toArray(IntegrationEvent[]::new));
        return this;
    }

    private void enrol(UUID participant, String on, AsylumTrack track, LanguageLevel dutch, LanguageLevel english, Set<Sector> sectors) {
        events.add(registered(participant, on, track));
        events.add(new IntakeCompleted(participant, day("03-12"), sectors, dutch, english, List.of()));
    }

    private ParticipantRegistered registered(UUID participant, String on, AsylumTrack track) {
        LocalDate registeredOn = day(on);
        return new ParticipantRegistered(participant, registeredOn, location, registeredOn.minusMonths(7), track, WDocumentType.W,
                date("2026-03-01"), List.of("ti"), new WorkEligibility(registeredOn, date("2026-03-01"), "nl-2023-11-29", null));
    }

    private TwvRequested requested(UUID permit, UUID participant, String on) {
        return new TwvRequested(permit, participant, employer, vacancy, 1_547, 32, day(on).plusDays(30), day(on), false);
    }

    private static LocalDate day(String monthAndDay) {
        return date("2025-" + monthAndDay);
    }
}
