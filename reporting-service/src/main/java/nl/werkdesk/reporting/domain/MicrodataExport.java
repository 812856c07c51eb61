package nl.werkdesk.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.reporting.domain.MicrodataExportEvent.MicrodataExported;

/**
 * The account of one export of the researcher's records: recorded once, never changed, so that every file the researcher
 * received is accounted for (who, when, the scope, the records, k, the SHA-256 of the file). A stream per export. Pure: the
 * time comes in on the command.
 */
public final class MicrodataExport {

    /** The data-sharing agreement's floor of k. */
    public static final int MINIMUM_K = 5;
    private static final Pattern SHA_256 = Pattern.compile("^[0-9a-f]{64}$");

    public sealed interface Command {
        /** Record an export that was made: the file's account. */
        record RecordExport(UUID exportId, String exportedBy, LocalDate exportedOn, Instant exportedAt, LocalDate asOf, String location,
                            Integer phase, String format, int rows, int k, Integer kReached, List<String> generalisations,
                            int rowsSuppressed, String sha256) implements Command {
        }
    }

    public sealed interface State {
        record None() implements State {
        }

        record Recorded(MicrodataExported export) implements State {
        }
    }

    private MicrodataExport() {
    }

    public static final Decider<Command, State, MicrodataExportEvent> DECIDER = new Decider<>(new State.None(), MicrodataExport::decide,
            MicrodataExport::evolve);

    static List<MicrodataExportEvent> decide(Command command, State state) {
        if (!(command instanceof Command.RecordExport export)) {
            throw new IllegalArgumentException("unknown command " + command.getClass().getName());
        }
        if (!(state instanceof State.None)) {
            throw new Rejected(MicrodataExportRejection.EXPORT_ALREADY_RECORDED, "an export is accounted for once");
        }
        if (export.k() < MINIMUM_K) {
            throw new Rejected(MicrodataExportRejection.K_BELOW_AGREEMENT, "k", "must be at least " + MINIMUM_K
                    + ", as the data-sharing agreement says");
        }
        if (export.rows() < 0 || export.rowsSuppressed() < 0) {
            throw new Rejected(MicrodataExportRejection.NEGATIVE_COUNT, "rows", "cannot be negative");
        }
        if (export.rows() == 0 ? export.kReached() != null : export.kReached() == null || export.kReached() < export.k()) {
            throw new Rejected(MicrodataExportRejection.K_NOT_REACHED, "kReached", "must be at least k when there are records, and none "
                    + "without");
        }
        if (export.sha256() == null || !SHA_256.matcher(export.sha256()).matches()) {
            throw new Rejected(MicrodataExportRejection.NOT_A_SHA_256, "sha256", "must be the file's SHA-256 in 64 lower-case hex characters");
        }
        if (export.asOf().isAfter(export.exportedOn())) {
            throw new Rejected(MicrodataExportRejection.AS_OF_AFTER_EXPORT, "asOf", "lies after the day of the export");
        }
        return List.of(new MicrodataExported(export.exportId(), export.exportedBy(), export.exportedOn(), export.exportedAt(),
                export.asOf(), export.location(), export.phase(), export.format(), export.rows(), export.k(), export.kReached(),
                List.copyOf(export.generalisations()), export.rowsSuppressed(), export.sha256()));
    }

    static State evolve(State state, MicrodataExportEvent event) {
        if (event instanceof MicrodataExported exported) {
            return new State.Recorded(exported);
        }
        return state;
    }
}
