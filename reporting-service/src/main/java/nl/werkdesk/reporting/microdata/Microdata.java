package nl.werkdesk.reporting.microdata;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.reporting.ReportingModule;
import nl.werkdesk.reporting.domain.Phases;
import nl.werkdesk.reporting.evaluation.EvaluationFacts;
import nl.werkdesk.reporting.metrics.MetricsQueries;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.microdata.MicrodataFacts.Activity;
import nl.werkdesk.reporting.microdata.MicrodataFacts.Participant;
import nl.werkdesk.reporting.microdata.MicrodataFacts.Permit;
import nl.werkdesk.reporting.microdata.MicrodataFacts.Placement;
import nl.werkdesk.reporting.microdata.MicrodataResponses.CodebookColumn;
import nl.werkdesk.reporting.microdata.MicrodataResponses.CodebookResponse;
import nl.werkdesk.reporting.microdata.MicrodataResponses.Disclosure;
import nl.werkdesk.reporting.microdata.MicrodataResponses.DisclosureRules;
import nl.werkdesk.reporting.microdata.MicrodataResponses.GeneralisationStep;
import nl.werkdesk.reporting.microdata.MicrodataResponses.MicrodataExport;
import nl.werkdesk.reporting.microdata.MicrodataResponses.MicrodataScope;

/**
 * The researcher's export of a scope as of a date: the scope's facts from the live generation (participants, activities,
 * permits, placements, each in one query, with the scope as the metrics have it), the records computed in plain Java
 * ({@link MicrodataTable}) and made k-anonymous ({@link KAnonymity}). Every query runs in the caller's session.
 */
@ApplicationScoped
public class Microdata {

    private static final String PARTICIPANTS = """
            SELECT c.participant_id, c.location, c.registered_on, c.asylum_track, c.w_document_type, c.intake_completed_on,
                   c.dutch_level, c.english_level, c.sector_preferences, c.left_on, c.left_reason, c.residence_permit_granted_on
              FROM cohort c""";
    private static final String ACTIVITIES = """
            SELECT a.participant_id, a.kind, a.completed_on
              FROM activity_facts a JOIN live ON a.generation = live.generation
              JOIN cohort c ON c.participant_id = a.participant_id
             WHERE a.completed_on <= :asOf""";
    private static final String PERMITS = """
            SELECT pf.participant_id, pf.requested_on, pf.granted_on, pf.refused_on, pf.withdrawn_on
              FROM permit_facts pf JOIN live ON pf.generation = live.generation
              JOIN cohort c ON c.participant_id = pf.participant_id
             WHERE pf.requested_on <= :asOf""";
    /** One row per placement and terms, ordered by placement. */
    private static final String PLACEMENTS = """
            SELECT pl.placement_id, pl.participant_id, pl.sector, pl.contract_type, pl.sustained_on, pl.started_on, pl.ended_on,
                   pl.end_reason, t.effective_on, t.sequence, t.hours_per_week, t.hourly_wage_cents
              FROM placement_facts pl JOIN live ON pl.generation = live.generation
              JOIN cohort c ON c.participant_id = pl.participant_id
              LEFT JOIN placement_terms_facts t ON t.generation = live.generation AND t.placement_id = pl.placement_id
             WHERE pl.started_on <= :asOf
             ORDER BY pl.placement_id""";

    private final MicrodataSettings settings;
    private final Phases phases;
    private final List<Codebook.Column> columns;

    Microdata(MicrodataSettings settings, Phases phases, ReportingModule.Config config) {
        this.settings = settings;
        this.phases = phases;
        this.columns = Codebook.columns(config.locations(), phases.numbers());
    }

    /** The export's columns, in the order of the file. */
    public List<Codebook.Column> columns() {
        return columns;
    }

    public CodebookResponse codebook() {
        return new CodebookResponse(columns.stream().map(CodebookColumn::of).toList(), new DisclosureRules(settings.k(),
                columns.stream().filter(Codebook.Column::quasiIdentifier).map(Codebook.Column::name).toList(),
                Codebook.GENERALISATIONS.stream().map(step -> new GeneralisationStep(step.generalisation(), step.description())).toList(),
                Codebook.SUPPRESSION, Codebook.PSEUDONYM, Codebook.POPULATION));
    }

    /** The k-anonymous records of the scope as of its date, with what disclosure control did. */
    public Uni<MicrodataExport> export(Scope scope) {
        return facts(scope).map(facts -> {
            List<MicrodataTable.Row> rows = MicrodataTable.rows(facts, scope.asOf(), phases, settings.pseudonyms(), settings.minimumWages());
            KAnonymity.Result<MicrodataTable.Row> disclosed = KAnonymity.apply(rows, MicrodataTable.Row::quasiIdentifiers, settings.k());
            List<MicrodataRecord> records = disclosed.rows().stream()
                    .map(kept -> new MicrodataRecord(kept.row().pseudonym(), kept.quasiIdentifiers(), kept.row().attributes())).toList();
            return new MicrodataExport(new MicrodataScope(scope.location(), scope.phase(), scope.asOf()),
                    new Disclosure(disclosed.k(), disclosed.kReached(), disclosed.generalisations(), disclosed.rowsSuppressed(),
                            records.size()), records);
        });
    }

    Uni<MicrodataFacts> facts(Scope scope) {
        return MetricsQueries.participantsOf(scope).append(PARTICIPANTS).list().chain(participants -> MetricsQueries.participantsOf(scope)
                .append(ACTIVITIES).list().chain(activities -> MetricsQueries.participantsOf(scope).append(PERMITS).list()
                        .chain(permits -> MetricsQueries.participantsOf(scope).append(PLACEMENTS).list()
                                .map(placements -> new MicrodataFacts(
                                        participants.stream().map(Microdata::participant).toList(),
                                        activities.stream().map(row -> new Activity((UUID) row[0], (String) row[1], date(row[2]))).toList(),
                                        permits.stream().map(row -> new Permit((UUID) row[0], date(row[1]), date(row[2]), date(row[3]),
                                                date(row[4]))).toList(),
                                        placements(placements))))));
    }

    private static Participant participant(Object[] row) {
        return new Participant((UUID) row[0], (String) row[1], date(row[2]), (String) row[3], (String) row[4], date(row[5]),
                (String) row[6], (String) row[7], (String) row[8], date(row[9]), (String) row[10], date(row[11]));
    }

    private static List<Placement> placements(List<Object[]> rows) {
        Map<Object, Object[]> placements = new LinkedHashMap<>();
        Map<Object, List<EvaluationFacts.Terms>> terms = new LinkedHashMap<>();
        for (Object[] row : rows) {
            placements.putIfAbsent(row[0], row);
            List<EvaluationFacts.Terms> of = terms.computeIfAbsent(row[0], id -> new ArrayList<>());
            if (row[8] != null) {
                of.add(new EvaluationFacts.Terms(date(row[8]), ((Number) row[9]).longValue(), ((Number) row[10]).intValue(),
                        ((Number) row[11]).longValue()));
            }
        }
        return placements.entrySet().stream().map(entry -> {
            Object[] row = entry.getValue();
            return new Placement((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], date(row[4]),
                    new EvaluationFacts.Placement(date(row[5]), date(row[6]), (String) row[7], null, terms.get(entry.getKey())));
        }).toList();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }
}
