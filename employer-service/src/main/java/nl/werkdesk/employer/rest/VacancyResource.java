package nl.werkdesk.employer.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.employer.domain.Vacancy;
import nl.werkdesk.employer.domain.Vacancy.Command;
import nl.werkdesk.employer.domain.Vacancy.State;
import nl.werkdesk.employer.domain.VacancyRejection;
import nl.werkdesk.employer.rest.VacancyRequests.CloseVacancyRequest;
import nl.werkdesk.employer.rest.VacancyRequests.FillVacancyRequest;
import nl.werkdesk.employer.rest.VacancyRequests.OpenVacancyRequest;
import nl.werkdesk.employer.view.VacancySummary;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.ETags;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.Page;
import nl.werkdesk.eventsourcing.http.Paging;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Vacancies of registered employers: opened by the employer liaison at or above the statutory minimum
 * wage, then filled or closed. Caseworkers may read them, to match participants.
 */
@Path("/api/v1/vacancies")
@RolesAllowed(Roles.EMPLOYER_LIAISON)
@Tag(name = "Vacancies", description = "Vacancies of the pilot's employers: opened, filled, closed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VacancyResource {

    static final URI COLLECTION = URI.create("/api/v1/vacancies");

    private final HttpCommands commands;
    private final CommandHandler handler;
    private final Aggregate<Command, State, Vacancy.Event> vacancies;

    VacancyResource(HttpCommands commands, CommandHandler handler, Aggregate<Command, State, Vacancy.Event> vacancies) {
        this.commands = commands;
        this.handler = handler;
        this.vacancies = vacancies;
    }

    @POST
    @Operation(operationId = "openVacancy", summary = "Open a vacancy of a registered employer")
    @Refusals(of = VacancyRejection.class, value = {"unknown-employer", "date-before-employer-registration",
            "date-before-first-minimum-wage", "wage-below-minimum-wage"})
    @APIResponse(responseCode = "201", description = "The vacancy as opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Uni<Response> open(@Valid @NotNull OpenVacancyRequest body, @BeanParam CommandHeaders headers) {
        UUID vacancyId = UUID.randomUUID();
        return CommandFacts.employer(body.employerId()).chain(employer -> commands.execute(vacancies,
                HttpCommand.create(vacancyId, body.toCommand(vacancyId, employer), body, headers, COLLECTION), VacancyResponse::render));
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.EMPLOYER_LIAISON, Roles.CASEWORKER})
    @Operation(operationId = "listVacancies", summary = "Vacancies, most recently opened first, filtered and paged")
    @APIResponse(responseCode = "200", description = "One page of vacancies, most recently opened first")
    public Uni<Page<VacancyResponse>> list(
            @RestQuery @Parameter(description = "open, filled or closed") String status,
            @RestQuery @Parameter(description = "Only vacancies in this sector (horeca, production, logistics, cleaning, home-care, other)") String sector,
            @RestQuery @Parameter(description = "Only vacancies of this employer") String employerId,
            @RestQuery @Parameter(description = "Page number, from 1") String page,
            @RestQuery @Parameter(description = "Vacancies per page, 1 to 100 (default 20)") String pageSize) {
        Paging paging = Paging.of(page, pageSize);
        String statusFilter = QueryParameters.oneOf("status", status, Set.of("open", "filled", "closed"));
        Sector sectorFilter = SectorParameter.of(sector);
        UUID employerFilter = QueryParameters.uuid("employerId", employerId);
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (statusFilter != null) {
            where.add("status = :status");
            parameters.and("status", VacancySummary.Status.valueOf(statusFilter.toUpperCase(Locale.ROOT)));
        }
        if (sectorFilter != null) {
            where.add("sector = :sector");
            parameters.and("sector", sectorFilter);
        }
        if (employerFilter != null) {
            where.add("employerId = :employerId");
            parameters.and("employerId", employerFilter);
        }
        String query = "from VacancySummary" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return paging.list(VacancySummary.<VacancySummary>find(query, Sort.descending("openedOn").and("vacancyId"), parameters),
                VacancyResponse::of);
    }

    @GET
    @Path("/{vacancyId}")
    @WithSession
    @RolesAllowed({Roles.EMPLOYER_LIAISON, Roles.CASEWORKER})
    @Operation(operationId = "getVacancy", summary = "A vacancy")
    @APIResponse(responseCode = "200", description = "The vacancy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Uni<Response> get(@RestPath UUID vacancyId) {
        return handler.load(vacancies, vacancyId).map(result -> VacancyResponse.of(result.state(), result.version()))
                .map(body -> Response.ok(body).header(HttpHeaders.ETAG, ETags.of(body.version())).build());
    }

    @POST
    @Path("/{vacancyId}/filling")
    @Operation(operationId = "fillVacancy", summary = "Record that the vacancy was filled, by a participant of the pilot or otherwise")
    @Refusals(of = VacancyRejection.class, value = {"vacancy-already-filled", "vacancy-already-closed", "date-before-vacancy-opened",
            "date-before-participant-registration", "participant-left-pilot", "participant-not-known-yet"})
    @APIResponse(responseCode = "200", description = "The filled vacancy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Uni<Response> fill(@RestPath UUID vacancyId, @Valid @NotNull FillVacancyRequest body, @BeanParam CommandHeaders headers) {
        return CommandFacts.participant(body.participantId()).chain(participant ->
                commands.execute(vacancies, HttpCommand.update(vacancyId, body.toCommand(participant), body, headers), VacancyResponse::render));
    }

    @POST
    @Path("/{vacancyId}/closure")
    @Operation(operationId = "closeVacancy", summary = "Record that the vacancy was closed without being filled")
    @Refusals(of = VacancyRejection.class, value = {"vacancy-already-filled", "vacancy-already-closed", "date-before-vacancy-opened"})
    @APIResponse(responseCode = "200", description = "The closed vacancy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VacancyResponse.class)))
    public Uni<Response> close(@RestPath UUID vacancyId, @Valid @NotNull CloseVacancyRequest body, @BeanParam CommandHeaders headers) {
        return commands.execute(vacancies, HttpCommand.update(vacancyId, body.toCommand(), body, headers), VacancyResponse::render);
    }
}
