package nl.werkdesk.employer.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.UUID;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.employer.EmployerModule;
import nl.werkdesk.employer.domain.Employer;
import nl.werkdesk.employer.domain.Employer.Command;
import nl.werkdesk.employer.domain.Employer.State;
import nl.werkdesk.employer.domain.EmployerRejection;
import nl.werkdesk.employer.domain.JobFair;
import nl.werkdesk.employer.rest.EmployerRequests.ChangeContactPersonRequest;
import nl.werkdesk.employer.rest.EmployerRequests.ChangeTwvIntermediaryRequest;
import nl.werkdesk.employer.rest.EmployerRequests.RegisterEmployerRequest;
import nl.werkdesk.employer.rest.QueryResponses.EmployerHistory;
import nl.werkdesk.employer.rest.QueryResponses.EmployerListItem;
import nl.werkdesk.employer.rest.QueryResponses.HistoryEntry;
import nl.werkdesk.employer.view.ContactPerson;
import nl.werkdesk.employer.view.EmployerSummary;
import nl.werkdesk.employer.view.JobFairEmployer;
import nl.werkdesk.employer.view.VacancySummary;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.StreamNotFound;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.ETags;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import nl.werkdesk.eventsourcing.http.Page;
import nl.werkdesk.eventsourcing.http.Paging;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.eventsourcing.store.RecordedEvent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The employer liaison's view of employers: register one (with its contact person), change its TWV
 * intermediary arrangement or its contact person, list them, read one, and read its history with its vacancies and
 * job fairs.
 */
@Path("/api/v1/employers")
@RolesAllowed(Roles.EMPLOYER_LIAISON)
@Tag(name = "Employers", description = "Employers in the pilot and their TWV intermediary arrangement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmployerResource {

    static final URI COLLECTION = URI.create("/api/v1/employers");

    private final HttpCommands commands;
    private final CommandHandler handler;
    private final Aggregate<Command, State, Employer.Event> employers;
    private final BusinessCalendar calendar;
    private final ObjectMapper mapper;

    EmployerResource(HttpCommands commands, CommandHandler handler, Aggregate<Command, State, Employer.Event> employers,
                     BusinessCalendar calendar, ObjectMapper mapper) {
        this.commands = commands;
        this.handler = handler;
        this.employers = employers;
        this.calendar = calendar;
        this.mapper = mapper;
    }

    @POST
    @Operation(operationId = "registerEmployer", summary = "Register an employer, with its contact person")
    @Refusals(of = EmployerRejection.class, value = {"kvk-number-invalid", "kvk-number-already-registered",
            "twv-intermediary-ends-before-start"})
    @APIResponse(responseCode = "201", description = "The employer as registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployerResponse.class)))
    public Uni<Response> register(@Valid @NotNull RegisterEmployerRequest body, @BeanParam CommandHeaders headers) {
        body.contactPerson().requireReachable();
        UUID employerId = UUID.randomUUID();
        return commands.execute(employers,
                HttpCommand.create(employerId, body.toCommand(employerId), body, headers, COLLECTION),
                result -> keepBesideTheStream(body.contactPerson().toContactPerson(employerId)),
                EmployerResponse::render);
    }

    /** The contact person (personal data, never in an event) is kept beside the stream, in the registration's transaction. */
    private static Uni<Void> keepBesideTheStream(ContactPerson person) {
        return Panache.getSession().chain(session -> session.persist(person).call(session::flush)).replaceWithVoid();
    }

    @POST
    @Path("/{employerId}/contact-person")
    @Operation(operationId = "changeContactPerson", summary = "Record another contact person of the employer, or new details of the same one")
    @Refusals(of = EmployerRejection.class, value = {"date-before-employer-registration", "date-before-previous-contact-person-change"})
    @APIResponse(responseCode = "200", description = "The employer with its contact person as now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployerResponse.class)))
    public Uni<Response> changeContactPerson(@RestPath UUID employerId, @Valid @NotNull ChangeContactPersonRequest body,
                                             @BeanParam CommandHeaders headers) {
        body.contactPerson().requireReachable();
        return commands.execute(employers, HttpCommand.update(employerId, body.toCommand(), body, headers),
                result -> replaceBesideTheStream(body.contactPerson().toContactPerson(employerId)),
                EmployerResponse::render);
    }

    /** The stream records that (and when) the contact person changed; who it is now replaces the row beside it. */
    private static Uni<Void> replaceBesideTheStream(ContactPerson person) {
        return Panache.getSession().chain(session -> session.merge(person).call(session::flush)).replaceWithVoid();
    }

    @GET
    @WithSession
    @Operation(operationId = "listEmployers", summary = "Employers by trade name, filtered and paged")
    @APIResponse(responseCode = "200", description = "One page of employers, by trade name")
    public Uni<Page<EmployerListItem>> list(
            @RestQuery @Parameter(description = "Only employers in this sector (horeca, production, logistics, cleaning, home-care, other)") String sector,
            @RestQuery @Parameter(description = "Only temp agencies (true) or only other employers (false)") String temporaryEmploymentAgency,
            @RestQuery @Parameter(description = "Only the employer with this KvK number (8 digits)") String kvkNumber,
            @RestQuery @Parameter(description = "Page number, from 1") String page,
            @RestQuery @Parameter(description = "Employers per page, 1 to 100 (default 20)") String pageSize) {
        Paging paging = Paging.of(page, pageSize);
        Sector sectorFilter = SectorParameter.of(sector);
        Boolean agencyFilter = QueryParameters.bool("temporaryEmploymentAgency", temporaryEmploymentAgency);
        if (kvkNumber != null && !kvkNumber.isBlank() && !kvkNumber.trim().matches(Employer.KVK_NUMBER_PATTERN)) {
            throw new InvalidParameter("kvkNumber", "must be the 8 digits of a KvK number");
        }
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (sectorFilter != null) {
            where.add("sector = :sector");
            parameters.and("sector", sectorFilter);
        }
        if (agencyFilter != null) {
            where.add("temporaryEmploymentAgency = :agency");
            parameters.and("agency", agencyFilter);
        }
        if (kvkNumber != null && !kvkNumber.isBlank()) {
            where.add("kvkNumber = :kvkNumber");
            parameters.and("kvkNumber", kvkNumber.trim());
        }
        String query = "from EmployerSummary" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return paging.list(EmployerSummary.<EmployerSummary>find(query, Sort.ascending("tradeName").and("employerId"), parameters),
                EmployerResource::item);
    }

    private static EmployerListItem item(EmployerSummary row) {
        QueryResponses.TwvIntermediaryResponse intermediary = row.twvIntermediaryFrom == null ? null
                : new QueryResponses.TwvIntermediaryResponse(row.twvIntermediaryFrom, row.twvIntermediaryUntil);
        return new EmployerListItem(row.employerId, row.tradeName, row.kvkNumber, row.sector, row.temporaryEmploymentAgency,
                row.registeredOn, intermediary);
    }

    @GET
    @Path("/{employerId}")
    @WithSession
    @Operation(operationId = "getEmployer", summary = "An employer, with its contact person")
    @APIResponse(responseCode = "200", description = "The employer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployerResponse.class)))
    public Uni<Response> get(@RestPath UUID employerId) {
        return handler.load(employers, employerId).chain(EmployerResponse::render)
                .map(body -> Response.ok(body).header(HttpHeaders.ETAG, ETags.of(body.version())).build());
    }

    @POST
    @Path("/{employerId}/twv-intermediary")
    @Operation(operationId = "changeTwvIntermediary", summary = "Record a change of the intermediary that takes the employer's TWV paperwork")
    @Refusals(of = EmployerRejection.class, value = {"twv-intermediary-unchanged", "twv-intermediary-ends-before-start",
            "date-before-employer-registration", "date-before-previous-intermediary-change"})
    @APIResponse(responseCode = "200", description = "The employer after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployerResponse.class)))
    public Uni<Response> changeTwvIntermediary(@RestPath UUID employerId, @Valid @NotNull ChangeTwvIntermediaryRequest body,
                                               @BeanParam CommandHeaders headers) {
        return commands.execute(employers, HttpCommand.update(employerId, body.toCommand(), body, headers), EmployerResponse::render);
    }

    @GET
    @Path("/{employerId}/history")
    @WithSession
    @Operation(operationId = "getEmployerHistory",
            summary = "The employer's events, its vacancies' and those of the job fairs it took part in, as a timeline with who recorded each and when")
    @APIResponse(responseCode = "200", description = "The timeline, by business date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployerHistory.class)))
    public Uni<EmployerHistory> history(@RestPath UUID employerId) {
        return EmployerSummary.<EmployerSummary>findById(employerId)
                .chain(employer -> {
                    if (employer == null) {
                        throw new StreamNotFound(EmployerModule.EMPLOYER, employerId);
                    }
                    return VacancySummary.<VacancySummary>list("employerId", employerId);
                })
                .chain(vacancies -> JobFairEmployer.<JobFairEmployer>list("employerId", employerId).map(fairs -> {
                    List<UUID> streams = new ArrayList<>();
                    streams.add(employerId);
                    vacancies.forEach(vacancy -> streams.add(vacancy.vacancyId));
                    fairs.forEach(fair -> streams.add(fair.jobFairId));
                    return streams;
                }))
                .chain(handler::history)
                .map(events -> {
                    List<HistoryEntry> entries = new ArrayList<>();
                    for (RecordedEvent<Object> recorded : events) {
                        if (isAboutAnotherEmployer(recorded.event(), employerId)) {
                            continue;
                        }
                        entries.add(new HistoryEntry(recorded.streamType(), recorded.streamId(), recorded.version(), recorded.type(),
                                recorded.occurredAt().atZone(calendar.zone()).toLocalDate(), recorded.recordedAt(),
                                recorded.metadata().actor(), mapper.valueToTree(recorded.event())));
                    }
                    return new EmployerHistory(employerId, entries);
                });
    }

    /** At a fair, other employers' meetings are theirs, not this employer's history. */
    private static boolean isAboutAnotherEmployer(Object event, UUID employerId) {
        return event instanceof JobFair.Event.CandidateMetEmployer met && !employerId.equals(met.employerId());
    }
}
