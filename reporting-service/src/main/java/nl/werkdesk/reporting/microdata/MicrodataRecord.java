package nl.werkdesk.reporting.microdata;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One participant's record in the researcher's export: the pseudonym, the quasi-identifiers as generalised for
 * k-anonymity, and the other attributes, as one flat object (a CSV row). Nothing in it names or dates a person: no id, no
 * exact date (months, and days relative to the intake), no free text. The codebook defines every column.
 */
@Schema(name = "MicrodataRecord", description = "One participant enrolled in scope by asOf; every column is defined in the codebook "
        + "(GET /api/v1/evaluation/microdata/codebook). Every property is present; null where the participant has none.")
public record MicrodataRecord(
        @Schema(description = "HMAC-SHA256 of the participant id under the deployment's key, the first 16 hex characters",
                pattern = "^[0-9a-f]{16}$") String pseudonym,
        @JsonUnwrapped QuasiIdentifiers quasiIdentifiers,
        @JsonUnwrapped Attributes attributes) {

    /** The record's columns besides the pseudonym and the quasi-identifiers; counts and flags as of asOf. */
    @Schema(name = "MicrodataAttributes", description = "The attributes of a record that are no quasi-identifiers (see the codebook)")
    public record Attributes(
            @Schema(description = "English at the intake; null without an intake by asOf", nullable = true,
                    enumeration = {"none", "A1", "A2", "B1", "B2", "C1", "C2"}) String englishLevelAtIntake,
            @Schema(description = "Sectors preferred at the intake, separated by |; null without an intake or preferences",
                    nullable = true) String sectorPreferences,
            @Schema(description = "Days from the enrolment to the intake; null without an intake by asOf", nullable = true)
            Integer daysFromRegistrationToIntake,
            @Schema(description = "Application trainings completed", minimum = "0") int applicationTrainings,
            @Schema(description = "CV help sessions completed", minimum = "0") int cvHelpSessions,
            @Schema(description = "Days with a job fair (at the Werkdesk, or meeting an employer there)", minimum = "0") int jobFairs,
            @Schema(description = "Days from the intake to the first activity; null without either", nullable = true)
            Integer daysFromIntakeToFirstActivity,
            @Schema(description = "TWVs requested", minimum = "0") int twvRequests,
            @Schema(description = "TWVs granted by UWV", minimum = "0") int twvsGranted,
            @Schema(description = "TWVs refused by UWV", minimum = "0") int twvsRefused,
            @Schema(description = "TWV requests withdrawn by the employer", minimum = "0") int twvsWithdrawn,
            @Schema(description = "Days from the first TWV request to UWV's decision; null when undecided", nullable = true)
            Integer firstTwvLeadTimeDays,
            @Schema(description = "1 when at least one placement started, else 0", minimum = "0", maximum = "1") int placed,
            @Schema(description = "Days from the intake to the first placement's start; null when not placed or without an intake",
                    nullable = true) Integer daysFromIntakeToFirstPlacement,
            @Schema(description = "The first placement's sector; null when not placed", nullable = true,
                    enumeration = {"horeca", "production", "logistics", "cleaning", "home-care", "other"}) String firstPlacementSector,
            @Schema(description = "The first placement's contract type; null when not placed", nullable = true,
                    enumeration = {"temporary-via-agency", "fixed-term", "permanent"}) String firstPlacementContractType,
            @Schema(description = "The first placement's hours per week at its start; null when not placed", nullable = true)
            Integer firstPlacementHoursPerWeek,
            @Schema(description = "The first placement's hourly wage at its start as a band of the statutory minimum wage then in "
                    + "force (percent, lower bound included); null when not placed or no minimum wage is known for the day", nullable = true,
                    enumeration = {"below-100", "100-110", "110-125", "125-150", "150-plus"}) String firstPlacementWageBand,
            @Schema(description = "Placements started", minimum = "0") int placements,
            @Schema(description = "1 when a placement lasted 26 weeks, else 0", minimum = "0", maximum = "1") int sustained,
            @Schema(description = "1 when a placement ended because COA relocated the participant, else 0", minimum = "0", maximum = "1")
            int lostToRelocation,
            @Schema(description = "1 when the IND granted asylum, else 0", minimum = "0", maximum = "1") int statusGranted,
            @Schema(description = "Why the participant left the pilot; null while in it", nullable = true, enumeration = {
                    "found-work-elsewhere", "relocated-out-of-region", "departed", "declined-further-support", "other"})
            String leftPilotReason) {
    }
}
