package nl.werkdesk.reporting;

import static nl.werkdesk.reporting.Events.date;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent.CandidateMetEmployer;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantPersonalDataErased;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.participant.ParticipantEvent.RelocatedByCOA;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustained;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureBooked;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureCorrected;

/**
 * A small pilot at a location of its own (so that its figures can be asserted exactly on the shared broker and
 * database), published onto the real topics as the other services would, some of it out of order:
 * <pre>
 *   P1 enrolled 2025-02-03 (phase 1): intake 02-10, CV help 02-20, TWV A 03-01 granted 04-05 (35 days),
 *      placement X1 (horeca) 04-14, sustained 10-13
 *   P2 enrolled 2025-02-05: intake 02-12, met an employer at a job fair 03-10, TWV B 03-03 refused 04-21 (49 days),
 *      TWV C 05-01 granted 05-29 (28 days), placement X2 (logistics) 06-02, ended 09-01 by a COA relocation
 *   P3 enrolled 2025-08-04 (phase 2): intake 08-11, status holder: placement X3 (production) 08-25 ended 10-01 (quit),
 *      placement X4 (production) 10-06
 *   P4 enrolled 2025-08-06: intake 08-13
 *   P5 enrolled 2025-09-01: personal data erased 10-20
 *   P6 enrolled 2025-09-08, intake 09-10, placement X5 (horeca) 09-15: the placement is published and processed first
 *   Money at the location: K1 3000.00 booked 03-15 and corrected by -1000.00 on 10-20 (the correction published
 *      first), K2 2000.00 booked 09-10; a programme-wide booking that the location does not count
 * </pre>
 */
public final class PilotScenario {

    public final String location = "Proeftuin-" + UUID.randomUUID().toString().substring(0, 8);
    public final UUID p1 = UUID.randomUUID();
    public final UUID p2 = UUID.randomUUID();
    public final UUID p3 = UUID.randomUUID();
    public final UUID p4 = UUID.randomUUID();
    public final UUID p5 = UUID.randomUUID();
    public final UUID p6 = UUID.randomUUID();
    public final UUID ledger = UUID.randomUUID();
    public final ParticipantRegistered p1Registered = registered(p1, "2025-02-03");
    public final ParticipantPersonalDataErased p5Erased = new ParticipantPersonalDataErased(p5, date("2025-10-20"));
    public UUID p1RegisteredEventId;

    private final UUID employer = UUID.randomUUID();
    private final UUID vacancy = UUID.randomUUID();
    private final UUID booking1 = UUID.randomUUID();
    private final UUID permitA = UUID.randomUUID();
    private final UUID permitB = UUID.randomUUID();
    private final UUID permitC = UUID.randomUUID();
    private final UUID x1 = UUID.nameUUIDFromBytes(("x1" + location).getBytes());
    private final UUID x2 = UUID.nameUUIDFromBytes(("x2" + location).getBytes());
    private final UUID x3 = UUID.nameUUIDFromBytes(("x3" + location).getBytes());

    /** Publishes the whole pilot and waits until reporting-service has processed every event. */
    public PilotScenario publish() {
        // Across topics out of order: P6's placement arrives, and is processed, before P6's registration.
        UUID placementFirst = Events.publish(placement("x5", p6, Sector.HORECA, "2025-09-15"));
        Events.awaitProcessed(placementFirst);
        // Within the ledger's stream out of order as well: the correction before its booking.
        UUID correctionFirst = Events.publish(new ExpenditureCorrected(ledger, UUID.randomUUID(), booking1, -100_000, date("2025-10-20")));
        Events.awaitProcessed(correctionFirst);

        p1RegisteredEventId = Events.publish(p1Registered);
        Events.publishAndAwait(
                new IntakeCompleted(p1, date("2025-02-10"), Set.of(Sector.HORECA), LanguageLevel.A2, LanguageLevel.B1, List.of()),
                new ActivityCompleted(p1, ActivityType.CV_HELP, date("2025-02-20")),
                new TwvRequested(permitA, p1, employer, vacancy, 1_450, 32, date("2025-04-14"), date("2025-03-01"), true),
                new TwvGranted(permitA, p1, employer, vacancy, date("2025-04-05"), date("2025-04-05"), date("2026-03-01")),
                placement("x1", p1, Sector.HORECA, "2025-04-14"),
                new PlacementSustained(x1, p1, date("2025-10-13")),

                registered(p2, "2025-02-05"),
                new IntakeCompleted(p2, date("2025-02-12"), Set.of(Sector.LOGISTICS), LanguageLevel.A1, LanguageLevel.A2, List.of()),
                new CandidateMetEmployer(UUID.randomUUID(), p2, employer, date("2025-03-10")),
                new TwvRequested(permitB, p2, employer, vacancy, 1_450, 24, date("2025-04-01"), date("2025-03-03"), false),
                new TwvRefused(permitB, p2, date("2025-04-21"), RefusalReason.WAGE_NOT_MARKET_RATE),
                new TwvRequested(permitC, p2, employer, vacancy, 1_500, 24, date("2025-06-02"), date("2025-05-01"), false),
                new TwvGranted(permitC, p2, employer, vacancy, date("2025-05-29"), date("2025-05-29"), date("2026-03-01")),
                placement("x2", p2, Sector.LOGISTICS, "2025-06-02"),
                new RelocatedByCOA(p2, location, "Elders", date("2025-08-28")),
                new PlacementEnded(x2, p2, date("2025-09-01"), EndReason.RELOCATED_BY_COA),

                registered(p3, "2025-08-04"),
                new IntakeCompleted(p3, date("2025-08-11"), Set.of(Sector.PRODUCTION), LanguageLevel.A1, LanguageLevel.A1, List.of()),
                placement("x3", p3, Sector.PRODUCTION, "2025-08-25"),
                new PlacementEnded(x3, p3, date("2025-10-01"), EndReason.QUIT),
                placement("x4", p3, Sector.PRODUCTION, "2025-10-06"),

                registered(p4, "2025-08-06"),
                new IntakeCompleted(p4, date("2025-08-13"), Set.of(), LanguageLevel.NONE, LanguageLevel.A1, List.of()),

                registered(p5, "2025-09-01"),

                registered(p6, "2025-09-08"),
                new IntakeCompleted(p6, date("2025-09-10"), Set.of(Sector.HORECA), LanguageLevel.A2, LanguageLevel.A2, List.of()),

                new ExpenditureBooked(ledger, booking1, ExpenditureCategory.WERKDESK_STAFF, 300_000, location, date("2025-03-15")),
                new ExpenditureBooked(ledger, UUID.randomUUID(), ExpenditureCategory.JOB_FAIRS, 200_000, location, date("2025-09-10")),
                new ExpenditureBooked(ledger, UUID.randomUUID(), ExpenditureCategory.TRAINING, 700_000, null, date("2025-09-10")));
        Events.awaitProcessed(p1RegisteredEventId);
        return this;
    }

    /** Publishes more participants at the location, each enrolled and placed (cleaning) on the given dates. */
    public PilotScenario withPlacedParticipants(int count, String enrolledOn, String placedOn) {
        List<nl.werkdesk.contracts.IntegrationEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID participant = UUID.randomUUID();
            events.add(registered(participant, enrolledOn));
            events.add(placement("extra-" + i, participant, Sector.CLEANING, placedOn));
        }
        Events.publishAndAwait(events.toArray(nl.werkdesk.contracts.IntegrationEvent[]::new));
        return this;
    }

    public ParticipantRegistered registered(UUID participant, String on) {
        return new ParticipantRegistered(participant, date(on), location, date(on).minusMonths(7), AsylumTrack.REGULAR, WDocumentType.W,
                date("2026-03-01"), List.of("ar"), new WorkEligibility(date(on), date("2026-03-01"), "nl-2023-11-29", null));
    }

    private PlacementStarted placement(String name, UUID participant, Sector sector, String on) {
        UUID placementId = UUID.nameUUIDFromBytes((name + location).getBytes());
        return new PlacementStarted(placementId, participant, employer, vacancy, null, sector, location, date(on), 32, 1_450,
                ContractType.TEMPORARY_VIA_AGENCY);
    }
}
