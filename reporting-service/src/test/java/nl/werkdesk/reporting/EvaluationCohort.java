package nl.werkdesk.reporting;

import static nl.werkdesk.reporting.Events.date;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent.CandidateMetEmployer;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantPersonalDataErased;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementChanged;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureBooked;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureCorrected;

/**
 * A small cohort for the evaluation figures, worked out by hand (EvaluationFiguresTest has the numbers), at a location of
 * its own, published onto the real topics as the other services would. All of 2025:
 * <pre>
 *   A enrolled 03-03, intake 03-10, application training 03-15, CV help 04-20 (after the first placement: not exposed);
 *     TWV T1 via the intermediary 03-20, granted 04-10 (21 days); placement A1 04-14 on T1, 32 h at 15.00, from 06-02
 *     24 h; A1 ends 10-13, 182 days after its start (26 weeks exactly), contract-ended; placed again: A2 10-20, 30 h at 14.50,
 *     changed twice on 10-25: to 20 h, then (the later change, in force) to 30 h at 15.00
 *   B enrolled 03-03, intake 03-12, met an employer at a job fair 03-12; placement B1 03-12 (the intake day, no TWV),
 *     40 h at 14.00, ended 05-01 (quit)
 *   C enrolled 03-05, intake 03-14, CV help 04-01, left the pilot 04-18 (departed: 35 days, the day A was placed);
 *     TWV T2 04-01, refused 05-20 (49 days)
 *   D enrolled 03-05, intake 04-14; TWV T6 via the intermediary 10-01, pending
 *   E enrolled 03-05, intake 03-20, job fair 06-20; TWV T3 via the intermediary 04-02, withdrawn 04-30; TWV T4 05-05,
 *     granted 06-16 (42 days); placement E1 06-20 on T4, 36 h at 16.00
 *   F enrolled 03-05, intake 04-14, application training 05-01; TWV T7 09-01, declined by Werkdesk 09-01
 *   G enrolled 03-06, intake 03-20; TWV T5 07-01, granted 08-25 (55 days); placement G1 09-01 on T5, 20 h at 15.00;
 *     personal data erased 09-01
 *   H enrolled 09-15, no intake
 *   Money at the location: 3000.00 booked 03-15, reversed by -1000.00 on 10-20; 2000.00 booked 09-10; and a
 *     programme-wide booking the location does not count
 * </pre>
 * A second location of its own has one participant, placed, and no expenditure.
 */
public final class EvaluationCohort {

    public final PilotScenario here = new PilotScenario();
    public final PilotScenario nothingSpent = new PilotScenario();
    public final String location = here.location;
    public final UUID a = UUID.randomUUID();
    public final UUID g = UUID.randomUUID();
    private final UUID employer = UUID.randomUUID();
    private final UUID vacancy = UUID.randomUUID();
    private final UUID ledger = UUID.randomUUID();
    private final List<IntegrationEvent> events = new ArrayList<>();

    public EvaluationCohort publish() {
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        UUID f = UUID.randomUUID();
        UUID h = UUID.randomUUID();
        UUID t1 = UUID.randomUUID();
        UUID t4 = UUID.randomUUID();
        UUID t5 = UUID.randomUUID();
        UUID a1 = UUID.randomUUID();
        UUID booking = UUID.randomUUID();

        enrol(a, "03-03", "03-10");
        events.add(new ActivityCompleted(a, ActivityType.APPLICATION_TRAINING, day("03-15")));
        events.add(new ActivityCompleted(a, ActivityType.CV_HELP, day("04-20")));
        granted(t1, a, "03-20", "04-10", true);
        events.add(placement(a1, a, t1, "04-14", 32, 1_500));
        events.add(new PlacementChanged(a1, a, day("06-02"), 24, 1_500));
        events.add(new PlacementEnded(a1, a, day("10-13"), EndReason.CONTRACT_ENDED));
        UUID a2 = UUID.randomUUID();
        events.add(placement(a2, a, null, "10-20", 30, 1_450));
        events.add(new PlacementChanged(a2, a, day("10-25"), 20, 1_450));
        events.add(new PlacementChanged(a2, a, day("10-25"), 30, 1_500));

        enrol(b, "03-03", "03-12");
        events.add(new CandidateMetEmployer(UUID.randomUUID(), b, employer, day("03-12")));
        UUID b1 = UUID.randomUUID();
        events.add(placement(b1, b, null, "03-12", 40, 1_400));
        events.add(new PlacementEnded(b1, b, day("05-01"), EndReason.QUIT));

        enrol(c, "03-05", "03-14");
        events.add(new ActivityCompleted(c, ActivityType.CV_HELP, day("04-01")));
        events.add(new ParticipantLeftPilot(c, LeaveReason.DEPARTED, day("04-18")));
        UUID t2 = UUID.randomUUID();
        events.add(requested(t2, c, "04-01", false));
        events.add(new TwvRefused(t2, c, day("05-20"), RefusalReason.DEPARTURE_IMMINENT));

        enrol(d, "03-05", "04-14");
        events.add(requested(UUID.randomUUID(), d, "10-01", true));

        enrol(e, "03-05", "03-20");
        events.add(new ActivityCompleted(e, ActivityType.JOB_FAIR, day("06-20")));
        UUID t3 = UUID.randomUUID();
        events.add(requested(t3, e, "04-02", true));
        events.add(new TwvWithdrawn(t3, e, day("04-30")));
        granted(t4, e, "05-05", "06-16", false);
        events.add(placement(UUID.randomUUID(), e, t4, "06-20", 36, 1_600));

        enrol(f, "03-05", "04-14");
        events.add(new ActivityCompleted(f, ActivityType.APPLICATION_TRAINING, day("05-01")));
        UUID t7 = UUID.randomUUID();
        events.add(requested(t7, f, "09-01", false));
        events.add(new TwvRequestDeclined(t7, f, day("09-01"), DeclineReason.NOT_YET_ELIGIBLE, day("12-01")));

        enrol(g, "03-06", "03-20");
        granted(t5, g, "07-01", "08-25", false);
        events.add(placement(UUID.randomUUID(), g, t5, "09-01", 20, 1_500));
        events.add(new ParticipantPersonalDataErased(g, day("09-01")));

        events.add(here.registered(h, "2025-09-15"));

        events.add(new ExpenditureBooked(ledger, booking, ExpenditureCategory.WERKDESK_STAFF, 300_000, location, day("03-15")));
        events.add(new ExpenditureCorrected(ledger, UUID.randomUUID(), booking, -100_000, day("10-20")));
        events.add(new ExpenditureBooked(ledger, UUID.randomUUID(), ExpenditureCategory.JOB_FAIRS, 200_000, location, day("09-10")));
        events.add(new ExpenditureBooked(ledger, UUID.randomUUID(), ExpenditureCategory.OTHER, 900_000, null, day("09-10")));

        UUID elsewhere = UUID.randomUUID();
        events.add(nothingSpent.registered(elsewhere, "2025-03-03"));
        events.add(new IntakeCompleted(elsewhere, day("03-10"), Set.of(), LanguageLevel.A1, LanguageLevel.A1, List.of()));
        events.add(new PlacementStarted(UUID.randomUUID(), elsewhere, employer, vacancy, null, Sector.CLEANING, nothingSpent.location,
                day("04-01"), 20, 1_500, ContractType.FIXED_TERM));

        Events.publishAndAwait(events.toArray(IntegrationEvent[]::new));
        return this;
    }

    private void enrol(UUID participant, String registered, String intake) {
        events.add(here.registered(participant, "2025-" + registered));
        events.add(new IntakeCompleted(participant, day(intake), Set.of(Sector.HORECA), LanguageLevel.A1, LanguageLevel.A1, List.of()));
    }

    private TwvRequested requested(UUID permit, UUID participant, String on, boolean viaIntermediary) {
        return new TwvRequested(permit, participant, employer, vacancy, 1_500, 32, day(on).plusDays(30), day(on), viaIntermediary);
    }

    private void granted(UUID permit, UUID participant, String requestedOn, String grantedOn, boolean viaIntermediary) {
        events.add(requested(permit, participant, requestedOn, viaIntermediary));
        events.add(new TwvGranted(permit, participant, employer, vacancy, day(grantedOn), day(grantedOn), date("2026-12-31")));
    }

    private PlacementStarted placement(UUID placement, UUID participant, UUID permit, String on, int hours, long wage) {
        return new PlacementStarted(placement, participant, employer, vacancy, permit, Sector.HORECA, location, day(on), hours, wage,
                ContractType.FIXED_TERM);
    }

    private static java.time.LocalDate day(String monthAndDay) {
        return date("2025-" + monthAndDay);
    }
}
