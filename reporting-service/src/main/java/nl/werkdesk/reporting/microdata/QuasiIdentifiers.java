package nl.werkdesk.reporting.microdata;

import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What could single a participant out when combined with what someone knows from elsewhere: location, phase, the period of
 * enrolment (a month, a quarter or a year), the asylum track, the W-document type and the Dutch level at the intake. Null
 * where the participant has none (no intake yet: no Dutch level) or where it was left blank by generalisation.
 */
@Schema(name = "MicrodataQuasiIdentifiers", description = "The quasi-identifiers of a record, as generalised (see the codebook)")
public record QuasiIdentifiers(
        @Schema(description = "The reception location where the participant enrolled") String location,
        @Schema(description = "The pilot phase of the enrolment date; null before the first phase", nullable = true) Integer phase,
        @Schema(description = "The month of enrolment (yyyy-mm), or its quarter (yyyy-Qn) or year (yyyy) when generalised",
                pattern = "^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$") String enrolmentPeriod,
        @Schema(description = "The asylum procedure's track; null when left blank by generalisation", nullable = true,
                enumeration = {"regular", "high-recognition-chance", "safe-country-of-origin"}) String asylumTrack,
        @Schema(description = "The asylum seeker's identity document", enumeration = {"W", "W2"}) String wDocumentType,
        @Schema(description = "Dutch at the intake: none or a CEFR level, or its band (none/A, B, C) when generalised; null "
                + "without an intake by asOf", nullable = true,
                enumeration = {"none", "A1", "A2", "B1", "B2", "C1", "C2", "none/A", "B", "C"}) String dutchLevelAtIntake) {

    /** Dutch levels by band: none, A1 and A2 are "none/A". */
    static final String BAND_NONE_OR_A = "none/A";

    public static QuasiIdentifiers of(String location, Integer phase, YearMonth enrolment, String asylumTrack, String wDocumentType,
                                      String dutchLevelAtIntake) {
        return new QuasiIdentifiers(location, phase, enrolment.toString(), asylumTrack, wDocumentType, dutchLevelAtIntake);
    }

    /** The same with one more generalisation applied. */
    QuasiIdentifiers generalised(KAnonymity.Generalisation step) {
        return switch (step) {
            case ENROLMENT_MONTH_TO_QUARTER -> new QuasiIdentifiers(location, phase, quarterOf(enrolmentPeriod), asylumTrack,
                    wDocumentType, dutchLevelAtIntake);
            case ENROLMENT_QUARTER_TO_YEAR -> new QuasiIdentifiers(location, phase, enrolmentPeriod.substring(0, 4), asylumTrack,
                    wDocumentType, dutchLevelAtIntake);
            case DUTCH_LEVEL_TO_BAND -> new QuasiIdentifiers(location, phase, enrolmentPeriod, asylumTrack, wDocumentType,
                    band(dutchLevelAtIntake));
            case ASYLUM_TRACK_LEFT_BLANK -> new QuasiIdentifiers(location, phase, enrolmentPeriod, null, wDocumentType,
                    dutchLevelAtIntake);
        };
    }

    /** 2025-03 is 2025-Q1. */
    static String quarterOf(String month) {
        YearMonth parsed = YearMonth.parse(month);
        return parsed.getYear() + "-Q" + ((parsed.getMonthValue() - 1) / 3 + 1);
    }

    /** A CEFR level's band: none/A (none, A1, A2), B (B1, B2), C (C1, C2); null stays null. */
    static String band(String level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case "none", "A1", "A2" -> BAND_NONE_OR_A;
            case "B1", "B2" -> "B";
            case "C1", "C2" -> "C";
            default -> throw new IllegalArgumentException("not a Dutch level: " + level);
        };
    }
}
