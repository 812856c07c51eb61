package nl.werkdesk.employer.rest;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.employer.domain.Employer;
import nl.werkdesk.employer.view.ContactPerson;
import nl.werkdesk.eventsourcing.command.CommandResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Employer", description = "An employer in the pilot, with its contact person")
public record EmployerResponse(
        UUID employerId,
        @Schema(description = "Stream version; also the ETag") long version,
        LocalDate registeredOn,
        String tradeName,
        String kvkNumber,
        Sector sector,
        boolean temporaryEmploymentAgency,
        @Schema(nullable = true, description = "The intermediary that takes the TWV paperwork; null when the employer applies itself")
        QueryResponses.TwvIntermediaryResponse twvIntermediary,
        @Schema(description = "The registration, or the latest change of the TWV intermediary arrangement")
        LocalDate twvIntermediarySince,
        ContactPersonResponse contactPerson,
        @Schema(description = "The registration, or the latest change of the contact person")
        LocalDate contactPersonSince) {

    @Schema(name = "EmployerContactPerson")
    public record ContactPersonResponse(String name, @Schema(nullable = true) String phone, @Schema(nullable = true) String email) {

        static ContactPersonResponse of(ContactPerson person) {
            return person == null ? null : new ContactPersonResponse(person.name, person.phone, person.email);
        }
    }

    /** The response to a command or a read: the state at a version, with the contact person. */
    static Uni<EmployerResponse> render(CommandResult<Employer.State, Employer.Event> result) {
        return ContactPerson.<ContactPerson>findById(result.streamId())
                .map(person -> of(Employer.registered(result.state()), result.version(), person));
    }

    static EmployerResponse of(Employer.State.Registered employer, long version, ContactPerson person) {
        return new EmployerResponse(employer.employerId(), version, employer.registeredOn(), employer.tradeName(),
                employer.kvkNumber(), employer.sector(), employer.temporaryEmploymentAgency(),
                QueryResponses.TwvIntermediaryResponse.of(employer.twvIntermediary()),
                employer.lastChangedOn(), ContactPersonResponse.of(person), employer.contactPersonSince());
    }
}
