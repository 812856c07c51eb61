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
import java.util.UUID;
import nl.werkdesk.employer.domain.JobFair;
import nl.werkdesk.employer.domain.JobFair.Command;
import nl.werkdesk.employer.domain.JobFair.State;
import nl.werkdesk.employer.domain.JobFairRejection;
import nl.werkdesk.employer.rest.JobFairRequests.RecordJobFairRequest;
import nl.werkdesk.employer.rest.JobFairRequests.RecordMeetingRequest;
import nl.werkdesk.employer.rest.QueryResponses.JobFairListItem;
import nl.werkdesk.employer.view.JobFairSummary;
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

/** Job fairs (banenmarkten): record one with the employers that took part, and who met whom there. */
@Path("/api/v1/job-fairs")
@RolesAllowed(Roles.EMPLOYER_LIAISON)
@Tag(name = "Job fairs", description = "Job fairs where participants meet the pilot's employers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobFairResource {

    static final URI COLLECTION = URI.create("/api/v1/job-fairs");

    private final HttpCommands commands;
    private final CommandHandler handler;
    private final Aggregate<Command, State, JobFair.Event> jobFairs;

    JobFairResource(HttpCommands commands, CommandHandler handler, Aggregate<Command, State, JobFair.Event> jobFairs) {
        this.commands = commands;
        this.handler = handler;
        this.jobFairs = jobFairs;
    }

    @POST
    @Operation(operationId = "recordJobFair", summary = "Record a job fair and the registered employers that took part")
    @Refusals(of = JobFairRejection.class, value = {"no-employers", "unknown-employer", "employer-registered-after-fair"})
    @APIResponse(responseCode = "201", description = "The job fair as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobFairResponse.class)))
    public Uni<Response> record(@Valid @NotNull RecordJobFairRequest body, @BeanParam CommandHeaders headers) {
        UUID jobFairId = UUID.randomUUID();
        return CommandFacts.employers(body.employerIds()).chain(registered -> commands.execute(jobFairs,
                HttpCommand.create(jobFairId, body.toCommand(jobFairId, registered), body, headers, COLLECTION), JobFairResponse::render));
    }

    @GET
    @WithSession
    @Operation(operationId = "listJobFairs", summary = "Job fairs, most recent first, paged")
    @APIResponse(responseCode = "200", description = "One page of job fairs, most recent first")
    public Uni<Page<JobFairListItem>> list(
            @RestQuery @Parameter(description = "Only fairs this employer took part in") String employerId,
            @RestQuery @Parameter(description = "Page number, from 1") String page,
            @RestQuery @Parameter(description = "Job fairs per page, 1 to 100 (default 20)") String pageSize) {
        Paging paging = Paging.of(page, pageSize);
        UUID employerFilter = QueryParameters.uuid("employerId", employerId);
        Parameters parameters = new Parameters();
        String query = "from JobFairSummary";
        if (employerFilter != null) {
            query += " where jobFairId in (select e.jobFairId from JobFairEmployer e where e.employerId = :employerId)";
            parameters.and("employerId", employerFilter);
        }
        return paging.list(JobFairSummary.<JobFairSummary>find(query, Sort.descending("heldOn").and("jobFairId"), parameters),
                row -> new JobFairListItem(row.jobFairId, row.heldOn, row.location, row.meetingCount));
    }

    @GET
    @Path("/{jobFairId}")
    @WithSession
    @Operation(operationId = "getJobFair", summary = "A job fair, with the employers that took part and the meetings")
    @APIResponse(responseCode = "200", description = "The job fair",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobFairResponse.class)))
    public Uni<Response> get(@RestPath UUID jobFairId) {
        return handler.load(jobFairs, jobFairId).map(result -> JobFairResponse.of(JobFair.held(result.state()), result.version()))
                .map(body -> Response.ok(body).header(HttpHeaders.ETAG, ETags.of(body.version())).build());
    }

    @POST
    @Path("/{jobFairId}/meetings")
    @Operation(operationId = "recordJobFairMeeting", summary = "Record that a participant met an employer at the job fair")
    @Refusals(of = JobFairRejection.class, value = {"meeting-already-recorded", "employer-not-at-fair", "not-the-fair-day",
            "date-before-participant-registration", "participant-left-pilot", "participant-not-known-yet"})
    @APIResponse(responseCode = "200", description = "The job fair with the meeting",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobFairResponse.class)))
    public Uni<Response> recordMeeting(@RestPath UUID jobFairId, @Valid @NotNull RecordMeetingRequest body,
                                       @BeanParam CommandHeaders headers) {
        return CommandFacts.participant(body.participantId()).chain(participant ->
                commands.execute(jobFairs, HttpCommand.update(jobFairId, body.toCommand(participant), body, headers), JobFairResponse::render));
    }
}
