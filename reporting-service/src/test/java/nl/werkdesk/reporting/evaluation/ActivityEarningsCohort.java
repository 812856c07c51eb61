package nl.werkdesk.reporting.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent.CandidateMetEmployer;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementChanged;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureBooked;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureCorrected;
import nl.werkdesk.reporting.CountsCohort;
import nl.werkdesk.reporting.PilotScenario;

/**
 * Random participants (seeded) at two locations of their own, across both phases and before the first, for the
 * activities and earnings day counts: intakes, activities of every kind (a job fair also by meeting an employer), some
 * dated before the registration or after the first placement; several placements per participant, some starting before
 * the registration or the intake, ended or not, with changes of hours and wage (two on one day, some dated before the
 * start); money booked and corrected.
 */
final class ActivityEarningsCohort extends CountsCohort {

    private final UUID ledger = UUID.randomUUID();

    ActivityEarningsCohort(Random random, int participants) {
        super(random);
        participants(participants, this::participant);
        for (PilotScenario place : List.of(west, east)) {
            for (int i = random.nextInt(4); i > 0; i--) {
                UUID booking = UUID.randomUUID();
                LocalDate booked = day(FIRST, LAST);
                add(new ExpenditureBooked(ledger, booking, ExpenditureCategory.WERKDESK_STAFF, 100_000 + random.nextInt(500_000), place.location,
                        booked));
                if (random.nextBoolean()) {
                    add(new ExpenditureCorrected(ledger, UUID.randomUUID(), booking, -random.nextInt(50_000), day(booked, LAST)));
                }
            }
        }
    }

    private void participant(PilotScenario place) {
        UUID id = UUID.randomUUID();
        LocalDate registered = day(FIRST, LAST.minusDays(60));
        add(place.registered(id, registered.toString()));
        if (random.nextInt(6) == 0) {
            return;
        }
        // Now and then facts dated before the registration: they count from the registration.
        LocalDate from = random.nextInt(4) == 0 ? registered.minusDays(30) : registered;
        if (random.nextInt(8) != 0) {
            add(new IntakeCompleted(id, day(from, from.plusDays(20)), Set.of(Sector.HORECA), LanguageLevel.A1, LanguageLevel.A1, List.of()));
        }
        for (int i = random.nextInt(5); i > 0; i--) {
            LocalDate on = day(from, from.plusDays(150));
            if (random.nextInt(4) == 0) {
                add(new CandidateMetEmployer(UUID.randomUUID(), id, employer, on));
            } else {
                add(new ActivityCompleted(id, ActivityType.values()[random.nextInt(ActivityType.values().length)], on));
            }
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            placement(place, id, day(from.minusDays(10), from.plusDays(150)));
        }
    }

    private void placement(PilotScenario place, UUID participant, LocalDate start) {
        UUID id = UUID.randomUUID();
        add(new PlacementStarted(id, participant, employer, vacancy, null, Sector.CLEANING, place.location, start, 8 + random.nextInt(33),
                1_200 + random.nextInt(2_000), ContractType.FIXED_TERM));
        for (int i = random.nextInt(4); i > 0; i--) {
            // Some changes dated before the start; sometimes two on one day (the later in the stream is in force).
            LocalDate on = day(start.minusDays(15), start.plusDays(200));
            add(new PlacementChanged(id, participant, on, 8 + random.nextInt(33), 1_200 + random.nextInt(2_000)));
            if (random.nextInt(3) == 0) {
                add(new PlacementChanged(id, participant, on, 8 + random.nextInt(33), 1_200 + random.nextInt(2_000)));
            }
        }
        if (random.nextBoolean()) {
            add(new PlacementEnded(id, participant, day(start, start.plusDays(250)),
                    EndReason.values()[random.nextInt(EndReason.values().length)]));
        }
    }
}
