package nl.werkdesk.employer.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.employer.TwvIntermediary;
import nl.werkdesk.employer.domain.Employer;
import nl.werkdesk.employer.domain.Employer.Command;
import nl.werkdesk.employer.view.ContactPerson;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the employer commands, each with the command it becomes. */
public final class EmployerRequests {

    private EmployerRequests() {
    }

    @Schema(description = "Register an employer that joins the pilot")
    public record RegisterEmployerRequest(
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day the employer joined the pilot")
            LocalDate registeredOn,
            @NotBlank @Size(max = 200) @Schema(description = "The name the employer trades under", examples = "Bakkerij De Molen")
            String tradeName,
            @NotNull @Pattern(regexp = Employer.KVK_NUMBER_PATTERN, message = "must be the 8 digits of a KvK number")
            @Schema(description = "Chamber of Commerce (KvK) number: 8 digits, one employer per number", examples = "12345678")
            String kvkNumber,
            @NotNull Sector sector,
            @NotNull @Schema(description = "Whether the employer is a temp agency (uitzendbureau)")
            Boolean temporaryEmploymentAgency,
            @Valid @Schema(description = "The intermediary that takes the employer's TWV paperwork; left out or null when the employer applies itself")
            TwvIntermediaryRequest twvIntermediary,
            @NotNull @Valid @Schema(description = "Personal data: kept only in employer-service, never published")
            ContactPersonRequest contactPerson) {

        Command.RegisterEmployer toCommand(UUID employerId) {
            return new Command.RegisterEmployer(employerId, registeredOn, tradeName.trim(), kvkNumber, sector,
                    temporaryEmploymentAgency, TwvIntermediaryRequest.toContract(twvIntermediary));
        }
    }

    @Schema(name = "ContactPerson", description = "The employer's contact person, reachable by phone, e-mail or both")
    public record ContactPersonRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,28}", message = "must be a phone number such as +31 20 1234567") String phone,
            @Size(max = 254) @Email(message = "must be an e-mail address") String email) {

        /** A contact person nobody can reach is no contact person. */
        void requireReachable() {
            if ((phone == null || phone.isBlank()) && (email == null || email.isBlank())) {
                throw new InvalidParameter("contactPerson", "needs a phone number, an e-mail address or both");
            }
        }

        ContactPerson toContactPerson(UUID employerId) {
            ContactPerson person = new ContactPerson();
            person.employerId = employerId;
            person.name = name.trim();
            person.phone = blankToNull(phone);
            person.email = blankToNull(email);
            return person;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    @Schema(description = "The employer has another contact person, or new details of the same one")
    public record ChangeContactPersonRequest(
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day the contact person changed")
            LocalDate changedOn,
            @NotNull @Valid @Schema(description = "Personal data: kept only in employer-service, never published")
            ContactPersonRequest contactPerson) {

        Command.ChangeContactPerson toCommand() {
            return new Command.ChangeContactPerson(changedOn);
        }
    }

    @Schema(name = "TwvIntermediaryInput", description = "From (and until) when an intermediary takes the employer's TWV paperwork")
    public record TwvIntermediaryRequest(
            @NotNull @Schema(description = "First day the intermediary handles the TWV paperwork") LocalDate from,
            @Schema(description = "Last day; left out or null when open-ended") LocalDate until) {

        static TwvIntermediary toContract(TwvIntermediaryRequest request) {
            return request == null ? null : new TwvIntermediary(request.from(), request.until());
        }
    }

    @Schema(description = "The intermediary arrangement for the employer's TWV paperwork changed")
    public record ChangeTwvIntermediaryRequest(
            @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day the arrangement changed")
            LocalDate changedOn,
            @Valid @Schema(description = "The new arrangement; left out or null when the employer applies for TWVs itself from now on")
            TwvIntermediaryRequest twvIntermediary) {

        Command.ChangeTwvIntermediary toCommand() {
            return new Command.ChangeTwvIntermediary(changedOn, TwvIntermediaryRequest.toContract(twvIntermediary));
        }
    }
}
