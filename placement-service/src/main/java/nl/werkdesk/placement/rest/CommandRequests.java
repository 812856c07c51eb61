package nl.werkdesk.placement.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import nl.werkdesk.contracts.placement.EndReason;
import nl.werkdesk.placement.domain.Placement.Command;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the commands on an existing placement, each with the command it becomes. */
public final class CommandRequests {

    private CommandRequests() {
    }

    @Schema(description = "The hours or the wage changed from a date on")
    public record ChangePlacementRequest(
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate changedOn,
            @NotNull @Min(1) @Max(60) Integer hoursPerWeek,
            @NotNull @Min(1) @Max(100_000) @Schema(description = "Gross hourly wage in euro cents") Long hourlyWageCents) {

        Command.ChangePlacement toCommand() {
            return new Command.ChangePlacement(changedOn, hoursPerWeek, hourlyWageCents);
        }
    }

    @Schema(description = "The placement ended")
    public record EndPlacementRequest(
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The first day out of the job: the participant worked up to, not including, this day") LocalDate endedOn,
            @NotNull EndReason reason) {

        Command.EndPlacement toCommand() {
            return new Command.EndPlacement(endedOn, reason);
        }
    }

    @Schema(description = "The caseworker confirms that a placement at risk continues")
    public record ContinuePlacementRequest(@NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate confirmedOn) {

        Command.ContinuePlacement toCommand() {
            return new Command.ContinuePlacement(confirmedOn);
        }
    }
}
