package nl.werkdesk.reporting.microdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.placement.ContractType;
import nl.werkdesk.reporting.view.JsonNames;

/**
 * The definition of every column of the researcher's export, in the order of the file, with how to read its value from a
 * record; and the disclosure rules. The export's CSV and the codebook endpoint both come from here, so they cannot drift.
 */
public final class Codebook {

    public static final String INTEGER = "integer";
    public static final String STRING = "string";
    public static final String DAYS = "days";
    public static final String COUNT = "count";
    static final String ENROLMENT_PERIOD_PATTERN = "^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$";

    /**
     * One column. {@code allowedValues} for an enumeration, {@code minimum}/{@code maximum} for an integer, {@code pattern} for
     * a text of a fixed shape (null where they do not apply); {@code nullable}: the value may be empty.
     */
    public record Column(String name, String type, String unit, String definition, List<String> allowedValues, Integer minimum,
                         Integer maximum, String pattern, boolean nullable, boolean quasiIdentifier,
                         Function<MicrodataRecord, Object> value) {
    }

    /** A generalisation step with what it does. */
    public record Step(KAnonymity.Generalisation generalisation, String description) {
    }

    public static final List<Step> GENERALISATIONS = List.of(
            new Step(KAnonymity.Generalisation.ENROLMENT_MONTH_TO_QUARTER, "enrolmentPeriod: the month becomes its quarter (2025-03 -> 2025-Q1)"),
            new Step(KAnonymity.Generalisation.ENROLMENT_QUARTER_TO_YEAR, "enrolmentPeriod: the quarter becomes its year (2025-Q1 -> 2025)"),
            new Step(KAnonymity.Generalisation.DUTCH_LEVEL_TO_BAND, "dutchLevelAtIntake: the level becomes its band: none/A (none, A1, A2), "
                    + "B (B1, B2), C (C1, C2)"),
            new Step(KAnonymity.Generalisation.ASYLUM_TRACK_LEFT_BLANK, "asylumTrack: left blank in every row"));
    public static final String SUPPRESSION = "Where a combination of the quasi-identifiers occurs fewer than k times, the whole file is "
            + "generalised one step at a time in the order given, until none does; rows whose combination still occurs fewer than "
            + "k times after every step are left out (suppressed). The response says the k reached (the fewest rows sharing a "
            + "combination), the generalisations applied and the rows suppressed.";
    public static final String PSEUDONYM = "HMAC-SHA256 of the participant id (its canonical text, lower case, UTF-8) under this "
            + "deployment's secret key (werkdesk.reporting.pseudonym-key), the first 16 hex characters: the same in every export "
            + "of this deployment, so that a person can be followed over time; not computable without the key, and not linkable "
            + "to another deployment's pseudonyms.";
    public static final String POPULATION = "One row per participant enrolled on or before asOf at the location and in the phase "
            + "asked (a participant belongs to the location and the phase of their enrolment); only facts dated on or before "
            + "asOf count. Nothing names or dates a person: no ids, no exact dates (the month of enrolment, and days relative to "
            + "the enrolment or the intake), no free text.";

    private Codebook() {
    }

    /** Every column in the order of the file, for a deployment with these locations and phases. */
    public static List<Column> columns(Collection<String> locations, Collection<Integer> phases) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("pseudonym", STRING, null, PSEUDONYM, null, null, null, "^[0-9a-f]{16}$", false, false,
                MicrodataRecord::pseudonym));
        columns.add(new Column("location", STRING, null, "The reception location (azc) where the participant enrolled",
                locations.stream().sorted().toList(), null, null, null, false, true, r -> r.quasiIdentifiers().location()));
        columns.add(new Column("phase", INTEGER, null, "The pilot phase of the enrolment date; empty before the first phase", null,
                phases.stream().min(Integer::compare).orElse(null), phases.stream().max(Integer::compare).orElse(null), null, true, true,
                r -> r.quasiIdentifiers().phase()));
        columns.add(new Column("enrolmentPeriod", STRING, null, "The month of enrolment (yyyy-mm); its quarter (yyyy-Qn) or year "
                + "(yyyy) when generalised", null, null, null, ENROLMENT_PERIOD_PATTERN, false, true,
                r -> r.quasiIdentifiers().enrolmentPeriod()));
        columns.add(enumeration("asylumTrack", "The asylum procedure's track at enrolment; empty when left blank by generalisation",
                names(AsylumTrack.values()), true, true, r -> r.quasiIdentifiers().asylumTrack()));
        columns.add(enumeration("wDocumentType", "The asylum seeker's identity document: W, or W2 for Dublin claimants",
                names(WDocumentType.values()), false, true, r -> r.quasiIdentifiers().wDocumentType()));
        List<String> dutch = new ArrayList<>(names(LanguageLevel.values()));
        dutch.addAll(List.of(QuasiIdentifiers.BAND_NONE_OR_A, "B", "C"));
        columns.add(enumeration("dutchLevelAtIntake", "Dutch at the intake (CEFR), or its band none/A, B or C when generalised; empty "
                + "without an intake by asOf", dutch, true, true, r -> r.quasiIdentifiers().dutchLevelAtIntake()));
        columns.add(enumeration("englishLevelAtIntake", "English at the intake (CEFR); empty without an intake by asOf",
                names(LanguageLevel.values()), true, false, r -> r.attributes().englishLevelAtIntake()));
        columns.add(new Column("sectorPreferences", STRING, null, "The sectors the participant preferred at the intake, separated by | "
                + "in the order " + String.join(", ", names(Sector.values())) + "; empty without an intake or preferences",
                null, null, null, "^(" + String.join("|", names(Sector.values())) + ")(\\|(" + String.join("|", names(Sector.values()))
                + "))*$", true, false, r -> r.attributes().sectorPreferences()));
        columns.add(days("daysFromRegistrationToIntake", "Calendar days from the enrolment to the intake; empty without an intake by asOf",
                r -> r.attributes().daysFromRegistrationToIntake()));
        columns.add(count("applicationTrainings", "Application trainings completed by asOf", r -> r.attributes().applicationTrainings()));
        columns.add(count("cvHelpSessions", "CV help sessions completed by asOf", r -> r.attributes().cvHelpSessions()));
        columns.add(count("jobFairs", "Days by asOf on which the participant took part in a job fair (recorded by the Werkdesk, or "
                + "meeting an employer there)", r -> r.attributes().jobFairs()));
        columns.add(days("daysFromIntakeToFirstActivity", "Calendar days from the intake to the first activity of any kind (negative "
                + "when it came before the intake); empty without an intake or an activity by asOf",
                r -> r.attributes().daysFromIntakeToFirstActivity()));
        columns.add(count("twvRequests", "TWVs requested for the participant by asOf", r -> r.attributes().twvRequests()));
        columns.add(count("twvsGranted", "Of them, granted by UWV by asOf", r -> r.attributes().twvsGranted()));
        columns.add(count("twvsRefused", "Of them, refused by UWV by asOf", r -> r.attributes().twvsRefused()));
        columns.add(count("twvsWithdrawn", "Of them, withdrawn by the employer by asOf", r -> r.attributes().twvsWithdrawn()));
        columns.add(days("firstTwvLeadTimeDays", "Calendar days from the first TWV request (of two on one day, the one decided first) "
                + "to UWV's decision, granted or refused; empty when not decided by asOf", r -> r.attributes().firstTwvLeadTimeDays()));
        columns.add(flag("placed", "1 when at least one placement started by asOf, else 0", r -> r.attributes().placed()));
        columns.add(days("daysFromIntakeToFirstPlacement", "Calendar days from the intake to the start of the first placement "
                + "(negative when it started before the intake); empty when not placed or without an intake by asOf",
                r -> r.attributes().daysFromIntakeToFirstPlacement()));
        columns.add(enumeration("firstPlacementSector", "The sector of the first placement (of two on one day, either); empty when not "
                + "placed", names(Sector.values()), true, false, r -> r.attributes().firstPlacementSector()));
        columns.add(enumeration("firstPlacementContractType", "The contract type of the first placement; empty when not placed",
                names(ContractType.values()), true, false, r -> r.attributes().firstPlacementContractType()));
        columns.add(new Column("firstPlacementHoursPerWeek", INTEGER, "hours per week", "The hours per week of the first placement at "
                + "its start; empty when not placed", null, 0, null, null, true, false, r -> r.attributes().firstPlacementHoursPerWeek()));
        columns.add(enumeration("firstPlacementWageBand", "The hourly wage of the first placement at its start, in percent of the "
                + "statutory minimum wage in force on the start date, as a band (lower bound included, upper excluded): below-100, "
                + "100-110, 110-125, 125-150, 150-plus; empty when not placed or when no minimum wage is known for the date",
                MicrodataTable.WAGE_BANDS, true, false, r -> r.attributes().firstPlacementWageBand()));
        columns.add(count("placements", "Placements started by asOf", r -> r.attributes().placements()));
        columns.add(flag("sustained", "1 when a placement lasted 26 weeks by asOf (an end dated before the milestone withdraws it), "
                + "else 0", r -> r.attributes().sustained()));
        columns.add(flag("lostToRelocation", "1 when a placement ended by asOf because COA relocated the participant, else 0",
                r -> r.attributes().lostToRelocation()));
        columns.add(flag("statusGranted", "1 when the IND granted asylum by asOf (a status holder), else 0",
                r -> r.attributes().statusGranted()));
        columns.add(enumeration("leftPilotReason", "Why the participant left the pilot, if they did by asOf; empty while in it",
                names(LeaveReason.values()), true, false, r -> r.attributes().leftPilotReason()));
        return List.copyOf(columns);
    }

    private static Column enumeration(String name, String definition, List<String> values, boolean nullable, boolean quasiIdentifier,
                                      Function<MicrodataRecord, Object> value) {
        return new Column(name, STRING, null, definition, List.copyOf(values), null, null, null, nullable, quasiIdentifier, value);
    }

    private static Column days(String name, String definition, Function<MicrodataRecord, Object> value) {
        return new Column(name, INTEGER, DAYS, definition, null, null, null, null, true, false, value);
    }

    private static Column count(String name, String definition, Function<MicrodataRecord, Object> value) {
        return new Column(name, INTEGER, COUNT, definition, null, 0, null, null, false, false, value);
    }

    private static Column flag(String name, String definition, Function<MicrodataRecord, Object> value) {
        return new Column(name, INTEGER, null, definition, null, 0, 1, null, false, false, value);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(JsonNames::of).toList();
    }
}
