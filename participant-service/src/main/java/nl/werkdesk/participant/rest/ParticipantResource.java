package nl.werkdesk.participant.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import java.util.UUID;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.ETags;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.participant.ParticipantModule;
import nl.werkdesk.participant.domain.Participant;
import nl.werkdesk.participant.domain.Participant.Command;
import nl.werkdesk.participant.domain.Participant.State;
import nl.werkdesk.participant.domain.ParticipantRejection;
import nl.werkdesk.participant.domain.ParticipantEvent;
import nl.werkdesk.participant.domain.WorkEligibilityPolicies;
import nl.werkdesk.participant.publication.ParticipantPublication;
import nl.werkdesk.participant.rest.CommandRequests.CompleteIntakeRequest;
import nl.werkdesk.participant.rest.CommandRequests.ErasePersonalDataRequest;
import nl.werkdesk.participant.rest.CommandRequests.GrantResidencePermitRequest;
import nl.werkdesk.participant.rest.CommandRequests.LeavePilotRequest;
import nl.werkdesk.participant.rest.CommandRequests.RecordActivityRequest;
import nl.werkdesk.participant.rest.CommandRequests.RejectAsylumApplicationRequest;
import nl.werkdesk.participant.rest.CommandRequests.RelocateRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The caseworker's view of a participant: register, record each step of the journey, and read the
 * participant with personal data, the journey as a timeline and the work eligibility on a date.
 */
@Path("/api/v1/participants/{participantId}")
@RolesAllowed(Roles.CASEWORKER)
@Tag(name = "Participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    private final HttpCommands commands;
    private final CommandHandler handler;
    private final Aggregate<Command, State, ParticipantEvent> participants;
    private final WorkEligibilityPolicies policies;
    private final BusinessCalendar calendar;
    private final ObjectMapper mapper;

    ParticipantResource(HttpCommands commands, CommandHandler handler, Aggregate<Command, State, ParticipantEvent> participants,
                        WorkEligibilityPolicies policies, BusinessCalendar calendar, ObjectMapper mapper) {
        this.commands = commands;
        this.handler = handler;
        this.participants = participants;
        this.policies = policies;
        this.calendar = calendar;
        this.mapper = mapper;
    }

    @GET
    @WithSession
    @Operation(operationId = "getParticipant", summary = "A participant, with personal data")
    @APIResponse(responseCode = "200", description = "The participant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> get(@RestPath UUID participantId) {
        return handler.load(participants, participantId).chain(ParticipantResponse::render)
                .map(body -> Response.ok(body).header(HttpHeaders.ETAG, ETags.of(body.version())).build());
    }

    @GET
    @Path("/journey")
    @WithSession
    @Operation(operationId = "getParticipantJourney", summary = "The participant's events as a timeline, with who recorded each and when")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueryResponses.Journey.class)))
    public Uni<QueryResponses.Journey> journey(@RestPath UUID participantId) {
        return handler.history(participants, participantId).map(history -> {
            if (history.isEmpty()) {
                throw new nl.werkdesk.eventsourcing.command.StreamNotFound(ParticipantModule.STREAM_TYPE, participantId);
            }
            // Each step as it is published: the journey shows the participant's events in the language other services read.
            return new QueryResponses.Journey(participantId, history.stream()
                    .flatMap(step -> ParticipantPublication.PUBLICATION.publish(step.eventId(), step.event()).stream()
                            .map(published -> new QueryResponses.JourneyStep(step.version(), published.type().name(),
                                    step.occurredAt().atZone(calendar.zone()).toLocalDate(), step.recordedAt(),
                                    step.metadata().actor(), mapper.valueToTree(published.event()))))
                    .toList());
        });
    }

    @GET
    @Path("/work-eligibility")
    @WithSession
    @Operation(operationId = "getParticipantWorkEligibility",
            summary = "Whether the participant may do paid work on a date (today by default), and why (not)")
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueryResponses.WorkEligibilityResponse.class)))
    public Uni<QueryResponses.WorkEligibilityResponse> workEligibility(
            @RestPath UUID participantId,
            @RestQuery @Parameter(description = "The date to judge (yyyy-mm-dd); today when left out") String on) {
        var date = QueryParameters.date("on", on, calendar.today());
        return handler.load(participants, participantId).map(result -> {
            Participant.EligibilityVerdict verdict = Participant.workEligibilityOn(result.state(), date, policies);
            return new QueryResponses.WorkEligibilityResponse(verdict.on(), verdict.eligible(), verdict.eligibleFrom(),
                    verdict.eligibleUntil(), verdict.policyInForce(), verdict.reasons());
        });
    }

    @POST
    @Path("/intake")
    @Operation(operationId = "completeIntake", summary = "Record the intake interview")
    @Refusals(of = ParticipantRejection.class, value = {"participant-left", "intake-already-completed", "date-before-registration"})
    @APIResponse(responseCode = "200", description = "The participant after the intake",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> completeIntake(@RestPath UUID participantId, @Valid @NotNull CompleteIntakeRequest body,
                                        @BeanParam CommandHeaders headers) {
        return update(participantId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/activities")
    @Operation(operationId = "recordActivity", summary = "Record application training, CV help or a job fair")
    @Refusals(of = ParticipantRejection.class, value = {"participant-left", "intake-not-completed", "date-before-intake"})
    @APIResponse(responseCode = "200", description = "The participant after the activity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> recordActivity(@RestPath UUID participantId, @Valid @NotNull RecordActivityRequest body,
                                        @BeanParam CommandHeaders headers) {
        return update(participantId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/relocations")
    @Operation(operationId = "relocateByCoa", summary = "Record that COA moved the participant to another location")
    @Refusals(of = ParticipantRejection.class,
            value = {"participant-left", "not-current-location", "already-at-location", "date-before-registration", "date-before-previous-relocation"})
    @APIResponse(responseCode = "200", description = "The participant at the new location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> relocate(@RestPath UUID participantId, @Valid @NotNull RelocateRequest body,
                                  @BeanParam CommandHeaders headers) {
        return update(participantId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/residence-permit")
    @Operation(operationId = "grantResidencePermit", summary = "Record that the IND granted asylum (status holder)")
    @Refusals(of = ParticipantRejection.class,
            value = {"participant-left", "already-status-holder", "date-before-registration", "date-before-status-change"})
    @APIResponse(responseCode = "200", description = "The participant as a status holder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> grantResidencePermit(@RestPath UUID participantId, @Valid @NotNull GrantResidencePermitRequest body,
                                              @BeanParam CommandHeaders headers) {
        return update(participantId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/asylum-rejection")
    @Operation(operationId = "rejectAsylumApplication", summary = "Record that the IND rejected the asylum application")
    @Refusals(of = ParticipantRejection.class,
            value = {"participant-left", "already-status-holder", "asylum-already-rejected", "date-before-registration", "date-before-first-policy"})
    @APIResponse(responseCode = "200", description = "The participant after the rejection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> rejectAsylumApplication(@RestPath UUID participantId, @Valid @NotNull RejectAsylumApplicationRequest body,
                                                 @BeanParam CommandHeaders headers) {
        return update(participantId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/exit")
    @Operation(operationId = "leavePilot", summary = "Record that the participant left the pilot")
    @Refusals(of = ParticipantRejection.class, value = {"participant-left", "date-before-latest-step"})
    @APIResponse(responseCode = "200", description = "The participant after leaving",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> leavePilot(@RestPath UUID participantId, @Valid @NotNull LeavePilotRequest body,
                                    @BeanParam CommandHeaders headers) {
        return update(participantId, body.toCommand(), body, headers);
    }

    @POST
    @Path("/personal-data-erasure")
    @Operation(operationId = "erasePersonalData", summary = "Erase the participant's personal data; the pseudonymous journey stays")
    @Refusals(of = ParticipantRejection.class, value = {"personal-data-already-erased", "date-before-registration"})
    @APIResponse(responseCode = "200", description = "The participant without personal data",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> erasePersonalData(@RestPath UUID participantId, @Valid @NotNull ErasePersonalDataRequest body,
                                           @BeanParam CommandHeaders headers) {
        return update(participantId, body.toCommand(), body, headers);
    }

    private Uni<Response> update(UUID participantId, Command command, Object body, CommandHeaders headers) {
        return commands.execute(participants, HttpCommand.update(participantId, command, body, headers), ParticipantResponse::render);
    }

}
