package nl.werkdesk.employer.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.employer.domain.KnownParticipant;
import nl.werkdesk.employer.domain.RegisteredEmployer;
import nl.werkdesk.employer.domain.Vacancy.Command;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the vacancy commands, each with the command it becomes. */
public final class VacancyRequests {

    /** The most hours a week a vacancy can ask for (the working-time law's weekly maximum). */
    static final int MAX_HOURS_PER_WEEK = 60;
    /** A wage above EUR 1000 an hour is a typing error, not a vacancy. */
    static final long MAX_HOURLY_WAGE_CENTS = 100_000;

    private VacancyRequests() {
    }

    @Schema(description = "Open a vacancy of a registered employer, at or above the statutory minimum wage")
    public record OpenVacancyRequest(
            @NotNull @Schema(description = "The registered employer whose vacancy it is") UUID employerId,
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day the vacancy opened; the minimum wage of that day applies")
            LocalDate openedOn,
            @NotBlank @Size(max = 200) @Schema(examples = "Productiemedewerker") String title,
            @NotNull Sector sector,
            @NotNull @Min(1) @Max(MAX_HOURS_PER_WEEK) Integer hoursPerWeek,
            @NotNull @Min(1) @Max(MAX_HOURLY_WAGE_CENTS)
            @Schema(description = "Gross wage per hour in euro cents; at least the statutory minimum wage in force on openedOn", examples = "1500")
            Long hourlyWageCents,
            @NotNull @Schema(description = "The Dutch language level the job needs (CEFR), or none") LanguageLevel requiredDutchLevel,
            @NotBlank @Size(max = 100) @Schema(description = "Where the work is (a place)", examples = "Amsterdam") String location) {

        Command.OpenVacancy toCommand(UUID vacancyId, RegisteredEmployer employer) {
            return new Command.OpenVacancy(vacancyId, employerId, openedOn, title.trim(), sector, hoursPerWeek, hourlyWageCents,
                    requiredDutchLevel, location.trim(), employer);
        }
    }

    @Schema(description = "The vacancy was filled")
    public record FillVacancyRequest(
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate filledOn,
            @Schema(description = "The participant of the pilot who got the job; left out or null when filled otherwise")
            UUID participantId) {

        Command.FillVacancy toCommand(KnownParticipant participant) {
            return new Command.FillVacancy(filledOn, participantId, participant);
        }
    }

    @Schema(description = "The vacancy was closed without being filled")
    public record CloseVacancyRequest(@NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) LocalDate closedOn) {

        Command.CloseVacancy toCommand() {
            return new Command.CloseVacancy(closedOn);
        }
    }
}
