package nl.werkdesk.reporting.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a money figure is none (null) rather than a number: never zero in its place. */
@Schema(name = "AbsentReason", description = "Why the figure beside it is null: programme-wide (a location scope has no budget: "
        + "budget is allocated to the whole programme per phase); no-participants-placed (nobody placed in scope as of asOf); "
        + "no-expenditure-attributed (no expenditure booked in scope as of asOf, or all of it reversed: a location scope "
        + "counts only what was booked at that location)")
public enum AbsentReason {
    @JsonProperty("programme-wide") PROGRAMME_WIDE,
    @JsonProperty("no-participants-placed") NO_PARTICIPANTS_PLACED,
    @JsonProperty("no-expenditure-attributed") NO_EXPENDITURE_ATTRIBUTED
}
