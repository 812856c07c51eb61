package nl.werkdesk.reporting.view;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.werkdesk.contracts.Catalogs;
import nl.werkdesk.contracts.EventCatalog;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.EmployerEvent.CandidateMetEmployer;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.participant.ParticipantEvent.ResidencePermitGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvEnded;
import nl.werkdesk.contracts.permit.PermitEvent.TwvGranted;
import nl.werkdesk.contracts.permit.PermitEvent.TwvNoLongerRequired;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRefused;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequestDeclined;
import nl.werkdesk.contracts.permit.PermitEvent.TwvRequested;
import nl.werkdesk.contracts.permit.PermitEvent.TwvWithdrawn;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementChanged;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementEnded;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementStarted;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustained;
import nl.werkdesk.contracts.placement.PlacementEvent.PlacementSustainedWithdrawn;
import nl.werkdesk.contracts.programme.ProgrammeEvent.BudgetAllocated;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureBooked;
import nl.werkdesk.contracts.programme.ProgrammeEvent.ExpenditureCorrected;

/**
 * Turns events into facts. Every write is an upsert that sets a fact or keeps the earliest date, so applying
 * an event twice, or events in another order (a placement before its participant's registration, the rebuild
 * and the live consumers both writing the next generation), gives the same rows: the projections are a function
 * of the set of events, not of their order. Native upserts rather than find-then-persist for that reason: two
 * consumers may create the same row at the same time, and only INSERT ... ON CONFLICT settles that atomically.
 *
 * <p>Events that change no figure (relocation, erasure of personal data, employers and vacancies, the other steps of a
 * permit or placement) write nothing: the scope of a participant is where and when they enrolled, and erasure leaves the
 * pseudonymous facts as they are. Every event that writes facts is also recorded with its topic and business date
 * ({@code event_facts}), which the report's provenance counts.
 */
@ApplicationScoped
public class FactWriter {

    /** An event with its id (ce_id) and its place in its stream (ce_sequence). */
    public record Sequenced(UUID eventId, IntegrationEvent event, long sequence) {
    }

    /** One parameterised statement; {@code :generation} is bound per generation written. */
    public record Statement(String sql, Map<String, Object> parameters) {
    }

    /** A statement's SQL for the PostgreSQL client ({@code $1, $2, ...}) and the named parameters in that order. */
    private record Positional(String sql, List<String> names) {

        private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z]+)");

        static Positional of(String named) {
            List<String> names = new ArrayList<>();
            Matcher parameter = NAMED.matcher(named);
            StringBuilder sql = new StringBuilder();
            while (parameter.find()) {
                int index = names.indexOf(parameter.group(1));
                if (index < 0) {
                    names.add(parameter.group(1));
                    index = names.size() - 1;
                }
                parameter.appendReplacement(sql, "\\$" + (index + 1));
            }
            parameter.appendTail(sql);
            return new Positional(sql.toString(), List.copyOf(names));
        }

        Tuple bind(Statement statement, int generation) {
            Tuple values = Tuple.tuple();
            for (String name : names) {
                values.addValue(name.equals("generation") ? generation : statement.parameters().get(name));
            }
            return values;
        }
    }

    private final Map<String, Positional> positional = new ConcurrentHashMap<>();

    private static final String REGISTERED = """
            INSERT INTO participant_facts (generation, participant_id, location, registered_on, asylum_track, w_document_type)
            VALUES (:generation, :id, :location, :on, CAST(:track AS text), CAST(:document AS text))
            ON CONFLICT (generation, participant_id) DO UPDATE SET location = excluded.location, registered_on = excluded.registered_on,
               asylum_track = excluded.asylum_track, w_document_type = excluded.w_document_type""";
    /** The earliest intake, with what it found (a later one, which participant-service refuses, would change nothing). */
    private static final String INTAKE = """
            INSERT INTO participant_facts (generation, participant_id, intake_completed_on, dutch_level, english_level, sector_preferences)
            VALUES (:generation, :id, :on, CAST(:dutch AS text), CAST(:english AS text), CAST(:sectors AS text))
            ON CONFLICT (generation, participant_id) DO UPDATE
               SET intake_completed_on = LEAST(participant_facts.intake_completed_on, excluded.intake_completed_on),
                   dutch_level = CASE WHEN %1$s THEN excluded.dutch_level ELSE participant_facts.dutch_level END,
                   english_level = CASE WHEN %1$s THEN excluded.english_level ELSE participant_facts.english_level END,
                   sector_preferences = CASE WHEN %1$s THEN excluded.sector_preferences ELSE participant_facts.sector_preferences END"""
            .formatted("participant_facts.intake_completed_on IS NULL OR excluded.intake_completed_on < participant_facts.intake_completed_on");
    private static final String RESIDENCE_PERMIT = """
            INSERT INTO participant_facts (generation, participant_id, residence_permit_granted_on) VALUES (:generation, :id, :on)
            ON CONFLICT (generation, participant_id) DO UPDATE
               SET residence_permit_granted_on = LEAST(participant_facts.residence_permit_granted_on, excluded.residence_permit_granted_on)""";
    /** The first activity of any kind, and the first of its kind (%1$s). */
    private static final String ACTIVITY = """
            INSERT INTO participant_facts (generation, participant_id, first_activity_on, %1$s) VALUES (:generation, :id, :on, :on)
            ON CONFLICT (generation, participant_id) DO UPDATE
               SET first_activity_on = LEAST(participant_facts.first_activity_on, excluded.first_activity_on),
                   %1$s = LEAST(participant_facts.%1$s, excluded.%1$s)""";
    /** One row per activity event, to count them by kind. */
    private static final String ACTIVITY_EVENT = """
            INSERT INTO activity_facts (generation, event_id, participant_id, kind, completed_on)
            VALUES (:generation, :eventId, :id, :kind, :on) ON CONFLICT DO NOTHING""";
    private static final String LEFT = """
            INSERT INTO participant_facts (generation, participant_id, left_on, left_reason) VALUES (:generation, :id, :on, :reason)
            ON CONFLICT (generation, participant_id) DO UPDATE SET left_on = excluded.left_on, left_reason = excluded.left_reason""";
    private static final String PERMIT = """
            INSERT INTO permit_facts (generation, permit_id, participant_id, %1$s) VALUES (:generation, :id, :participantId, :on)
            ON CONFLICT (generation, permit_id) DO UPDATE SET %1$s = LEAST(permit_facts.%1$s, excluded.%1$s)""";
    private static final String PERMIT_REQUESTED = """
            INSERT INTO permit_facts (generation, permit_id, participant_id, requested_on, via_intermediary)
            VALUES (:generation, :id, :participantId, :on, :viaIntermediary)
            ON CONFLICT (generation, permit_id) DO UPDATE
               SET requested_on = LEAST(permit_facts.requested_on, excluded.requested_on), via_intermediary = excluded.via_intermediary""";
    private static final String PLACEMENT_STARTED = """
            INSERT INTO placement_facts (generation, placement_id, participant_id, sector, started_on, permit_id, contract_type)
            VALUES (:generation, :id, :participantId, :sector, :on, CAST(:permitId AS uuid), CAST(:contractType AS text))
            ON CONFLICT (generation, placement_id) DO UPDATE
               SET sector = excluded.sector, started_on = excluded.started_on, permit_id = excluded.permit_id,
                   contract_type = excluded.contract_type""";
    /** Hours and wage from a date: as started, or as changed. */
    private static final String PLACEMENT_TERMS = """
            INSERT INTO placement_terms_facts (generation, placement_id, sequence, participant_id, effective_on, hours_per_week,
                                               hourly_wage_cents)
            VALUES (:generation, :id, :sequence, :participantId, :on, :hours, :wage) ON CONFLICT DO NOTHING""";
    private static final String PLACEMENT_ENDED = """
            INSERT INTO placement_facts (generation, placement_id, participant_id, ended_on, end_reason)
            VALUES (:generation, :id, :participantId, :on, :reason)
            ON CONFLICT (generation, placement_id) DO UPDATE SET ended_on = excluded.ended_on, end_reason = excluded.end_reason""";
    private static final String PLACEMENT_SUSTAINED = """
            INSERT INTO placement_facts (generation, placement_id, participant_id, sustained_on) VALUES (:generation, :id, :participantId, :on)
            ON CONFLICT (generation, placement_id) DO UPDATE
               SET sustained_on = LEAST(placement_facts.sustained_on, excluded.sustained_on)""";
    private static final String PLACEMENT_SUSTAINED_WITHDRAWN = """
            INSERT INTO placement_facts (generation, placement_id, participant_id, sustained_withdrawn_on)
            VALUES (:generation, :id, :participantId, :on)
            ON CONFLICT (generation, placement_id) DO UPDATE
               SET sustained_withdrawn_on = LEAST(placement_facts.sustained_withdrawn_on, excluded.sustained_withdrawn_on)""";
    private static final String BUDGET = """
            INSERT INTO budget_allocation_facts (generation, allocation_id, phase, amount_cents, allocated_on)
            VALUES (:generation, :id, :phase, :amount, :on) ON CONFLICT DO NOTHING""";
    private static final String BOOKING = """
            INSERT INTO expenditure_booking_facts (generation, booking_id, category, amount_cents, location, booked_on)
            VALUES (:generation, :id, :category, :amount, CAST(:location AS text), :on) ON CONFLICT DO NOTHING""";
    private static final String CORRECTION = """
            INSERT INTO expenditure_correction_facts (generation, correction_id, booking_id, amount_cents, corrected_on)
            VALUES (:generation, :id, :bookingId, :amount, :on) ON CONFLICT DO NOTHING""";
    /** That an event established facts, with its topic and business date: what the report's provenance counts. */
    private static final String EVENT = """
            INSERT INTO event_facts (generation, event_id, topic, occurred_on) VALUES (:generation, :eventId, :topic, :on)
            ON CONFLICT DO NOTHING""";
    /** The topic of each kind of event, by its record class. */
    private static final Map<Class<?>, String> TOPICS = new ConcurrentHashMap<>();

    /**
     * The facts an event establishes, and the record that it did; empty for events that change no figure. {@code eventId}
     * keys the rows that are one per event; {@code sequence} is the event's place in its stream (ce_sequence), which tells
     * two changes of a placement on one day apart.
     */
    public static List<Statement> statements(UUID eventId, IntegrationEvent event, long sequence) {
        List<Statement> facts = facts(eventId, event, sequence);
        if (facts.isEmpty()) {
            return facts;
        }
        List<Statement> all = new ArrayList<>(facts);
        all.add(statement(EVENT, "eventId", eventId, "topic", topicOf(event), "on", event.occurredOn()));
        return all;
    }

    private static List<Statement> facts(UUID eventId, IntegrationEvent event, long sequence) {
        if (event instanceof ParticipantRegistered registered) {
            return List.of(statement(REGISTERED, "id", registered.participantId(), "location", registered.location(),
                    "on", registered.registeredOn(), "track", JsonNames.of(registered.asylumTrack()),
                    "document", JsonNames.of(registered.wDocumentType())));
        }
        if (event instanceof IntakeCompleted intake) {
            return List.of(statement(INTAKE, "id", intake.participantId(), "on", intake.completedOn(),
                    "dutch", JsonNames.of(intake.dutchLevel()), "english", JsonNames.of(intake.englishLevel()),
                    "sectors", sectors(intake.sectorPreferences())));
        }
        if (event instanceof ResidencePermitGranted granted) {
            return List.of(statement(RESIDENCE_PERMIT, "id", granted.participantId(), "on", granted.grantedOn()));
        }
        if (event instanceof ActivityCompleted activity) {
            return activity(eventId, activity.participantId(), activity.activity(), activity.completedOn());
        }
        if (event instanceof CandidateMetEmployer met) {
            // Meeting an employer at a job fair is a job-fair activity of the participant, recorded by employer-service.
            return activity(eventId, met.participantId(), ActivityType.JOB_FAIR, met.metOn());
        }
        if (event instanceof ParticipantLeftPilot left) {
            return List.of(statement(LEFT, "id", left.participantId(), "on", left.leftOn(), "reason", JsonNames.of(left.reason())));
        }
        if (event instanceof TwvRequested requested) {
            return List.of(statement(PERMIT_REQUESTED, "id", requested.permitId(), "participantId", requested.participantId(),
                    "on", requested.requestedOn(), "viaIntermediary", requested.viaIntermediary()));
        }
        if (event instanceof TwvGranted granted) {
            return List.of(permit("granted_on", granted.permitId(), granted.participantId(), granted.grantedOn()));
        }
        if (event instanceof TwvRefused refused) {
            return List.of(permit("refused_on", refused.permitId(), refused.participantId(), refused.refusedOn()));
        }
        if (event instanceof TwvWithdrawn withdrawn) {
            return List.of(permit("withdrawn_on", withdrawn.permitId(), withdrawn.participantId(), withdrawn.withdrawnOn()));
        }
        if (event instanceof TwvRequestDeclined declined) {
            return List.of(permit("declined_on", declined.permitId(), declined.participantId(), declined.declinedOn()));
        }
        if (event instanceof TwvNoLongerRequired notRequired) {
            return List.of(permit("no_longer_required_on", notRequired.permitId(), notRequired.participantId(), notRequired.endedOn()));
        }
        if (event instanceof TwvEnded ended) {
            return List.of(permit("reception_ended_on", ended.permitId(), ended.participantId(), ended.endedOn()));
        }
        if (event instanceof PlacementStarted started) {
            return List.of(statement(PLACEMENT_STARTED, "id", started.placementId(), "participantId", started.participantId(),
                            "sector", JsonNames.of(started.sector()), "on", started.startedOn(),
                            "permitId", started.permitId() == null ? null : started.permitId().toString(),
                            "contractType", JsonNames.of(started.contractType())),
                    terms(started.placementId(), sequence, started.participantId(), started.startedOn(), started.hoursPerWeek(),
                            started.hourlyWageCents()));
        }
        if (event instanceof PlacementChanged changed) {
            return List.of(terms(changed.placementId(), sequence, changed.participantId(), changed.changedOn(), changed.hoursPerWeek(),
                    changed.hourlyWageCents()));
        }
        if (event instanceof PlacementEnded ended) {
            return List.of(statement(PLACEMENT_ENDED, "id", ended.placementId(), "participantId", ended.participantId(),
                    "on", ended.endedOn(), "reason", JsonNames.of(ended.reason())));
        }
        if (event instanceof PlacementSustained sustained) {
            return List.of(statement(PLACEMENT_SUSTAINED, "id", sustained.placementId(), "participantId", sustained.participantId(),
                    "on", sustained.sustainedOn()));
        }
        if (event instanceof PlacementSustainedWithdrawn withdrawn) {
            return List.of(statement(PLACEMENT_SUSTAINED_WITHDRAWN, "id", withdrawn.placementId(), "participantId", withdrawn.participantId(),
                    "on", withdrawn.withdrawnOn()));
        }
        if (event instanceof BudgetAllocated allocated) {
            return List.of(statement(BUDGET, "id", allocated.allocationId(), "phase", allocated.phase(),
                    "amount", allocated.amountCents(), "on", allocated.allocatedOn()));
        }
        if (event instanceof ExpenditureBooked booked) {
            return List.of(statement(BOOKING, "id", booked.bookingId(), "category", JsonNames.of(booked.category()),
                    "amount", booked.amountCents(), "location", booked.location(), "on", booked.bookedOn()));
        }
        if (event instanceof ExpenditureCorrected corrected) {
            return List.of(statement(CORRECTION, "id", corrected.correctionId(), "bookingId", corrected.bookingId(),
                    "amount", corrected.amountCents(), "on", corrected.correctedOn()));
        }
        return List.of();
    }

    private static List<Statement> activity(UUID eventId, UUID participantId, ActivityType kind, LocalDate on) {
        return List.of(statement(ACTIVITY.formatted(firstOfKind(kind)), "id", participantId, "on", on),
                statement(ACTIVITY_EVENT, "eventId", eventId, "id", participantId, "kind", JsonNames.of(kind), "on", on));
    }

    /** The sectors' JSON names in the order of {@link Sector}, joined by '|'; null for none. */
    static String sectors(Set<Sector> preferences) {
        if (preferences == null || preferences.isEmpty()) {
            return null;
        }
        return Arrays.stream(Sector.values()).filter(preferences::contains).map(JsonNames::of).collect(Collectors.joining("|"));
    }

    /** The topic the event was published on: that of the catalog its record belongs to. */
    static String topicOf(IntegrationEvent event) {
        return TOPICS.computeIfAbsent(event.getClass(), type -> Catalogs.ALL.stream()
                .filter(catalog -> catalog.byName(type.getSimpleName()).map(known -> known.javaType().equals(type)).orElse(false))
                .map(EventCatalog::topic).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is in no catalog")));
    }

    private static String firstOfKind(ActivityType kind) {
        return switch (kind) {
            case APPLICATION_TRAINING -> "first_application_training_on";
            case CV_HELP -> "first_cv_help_on";
            case JOB_FAIR -> "first_job_fair_on";
        };
    }

    private static Statement permit(String column, Object permitId, Object participantId, Object on) {
        return statement(PERMIT.formatted(column), "id", permitId, "participantId", participantId, "on", on);
    }

    private static Statement terms(Object placementId, long sequence, Object participantId, Object on, int hours, long wage) {
        return statement(PLACEMENT_TERMS, "id", placementId, "sequence", sequence, "participantId", participantId, "on", on,
                "hours", hours, "wage", wage);
    }

    /** Writes the event's facts into every given generation, in the caller's transaction. */
    public Uni<Void> write(UUID eventId, IntegrationEvent event, long sequence, List<Integer> generations) {
        List<Statement> statements = statements(eventId, event, sequence);
        if (statements.isEmpty() || generations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Integer generation : generations) {
                for (Statement statement : statements) {
                    chain = chain.chain(() -> {
                        var query = session.createNativeQuery(statement.sql()).setParameter("generation", generation);
                        statement.parameters().forEach(query::setParameter);
                        return query.executeUpdate().replaceWithVoid();
                    });
                }
            }
            return chain;
        });
    }

    /**
     * Writes the facts of many events into one generation on {@code connection}, in its transaction: one batch per kind
     * of statement, each sent in one round trip. Grouping changes the order in which the upserts run, which the facts
     * do not depend on; that is what lets a rebuild write a whole poll at once rather than one statement per event.
     */
    public Uni<Void> writeAll(SqlConnection connection, List<Sequenced> events, int generation) {
        Map<String, List<Tuple>> batches = new LinkedHashMap<>();
        for (Sequenced event : events) {
            for (Statement statement : statements(event.eventId(), event.event(), event.sequence())) {
                Positional sql = positional.computeIfAbsent(statement.sql(), Positional::of);
                batches.computeIfAbsent(sql.sql(), ignored -> new ArrayList<>()).add(sql.bind(statement, generation));
            }
        }
        return Multi.createFrom().iterable(batches.entrySet())
                .onItem().transformToUniAndConcatenate(batch -> connection.preparedQuery(batch.getKey()).executeBatch(batch.getValue()))
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Writes the event's facts into the live generation and, while a rebuild runs, into the one it fills too: so the
     * new generation misses nothing that arrives while the rebuild reads the topics from the beginning. The generations
     * are read under a share lock, held to the consumer's commit: a rebuild's switch (which locks that row for update)
     * waits for the writes into the generation it deletes, and a write that starts meanwhile waits for the switch and
     * then writes into the new one only. Without it, a write that read the generations before the switch and committed
     * after it left its rows in the deleted generation (ProjectionRebuildTest, once a rebuild took under a second).
     */
    public Uni<Void> project(UUID eventId, IntegrationEvent event, long sequence) {
        if (facts(eventId, event, sequence).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ProjectionState.<ProjectionState>findById(ProjectionState.ID, LockModeType.PESSIMISTIC_READ)
                .chain(state -> write(eventId, event, sequence, targetsOf(state)));
    }

    private static Statement statement(String sql, Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Statement(sql, parameters);
    }

    static List<Integer> targetsOf(ProjectionState state) {
        List<Integer> targets = new ArrayList<>(2);
        targets.add(state.liveGeneration);
        if (state.buildingGeneration != null) {
            targets.add(state.buildingGeneration);
        }
        return targets;
    }
}
