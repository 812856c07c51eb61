package nl.werkdesk.participant.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.UniqueViolation;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import nl.werkdesk.eventsourcing.http.Page;
import nl.werkdesk.eventsourcing.http.Paging;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.participant.ParticipantModule;
import nl.werkdesk.participant.domain.Participant.Command;
import nl.werkdesk.participant.domain.Participant.State;
import nl.werkdesk.participant.domain.ParticipantRejection;
import nl.werkdesk.participant.domain.ParticipantEvent;
import nl.werkdesk.participant.view.ParticipantSummary;
import nl.werkdesk.participant.view.PersonalData;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The participant collection: register a participant, and list participants by location, status and eligibility. */
@Path("/api/v1/participants")
@RolesAllowed(Roles.CASEWORKER)
@Tag(name = "Participants", description = "Participants of the pilot and each step of their journey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParticipantsResource {

    static final String ELIGIBLE = "((p.residenceStatus = 'STATUS_HOLDER' and p.statusHolderSince <= :on)"
            + " or (p.eligibleFrom is not null and p.eligibleFrom <= :on and coalesce(p.eligibleUntil, :on) >= :on"
            + " and coalesce(p.receptionEndsOn, :on) >= :on))";

    static final URI COLLECTION = URI.create("/api/v1/participants");
    static final String V_NUMBER_CONSTRAINT = "participant_personal_data_v_number_unique";

    private final HttpCommands commands;
    private final Aggregate<Command, State, ParticipantEvent> participants;
    private final ParticipantModule.Config config;
    private final BusinessCalendar calendar;

    ParticipantsResource(HttpCommands commands, Aggregate<Command, State, ParticipantEvent> participants,
                         ParticipantModule.Config config, BusinessCalendar calendar) {
        this.commands = commands;
        this.participants = participants;
        this.config = config;
        this.calendar = calendar;
    }

    @POST
    @Operation(operationId = "registerParticipant", summary = "Enrol an asylum seeker in the pilot")
    @Refusals(of = ParticipantRejection.class, value = {"asylum-application-after-registration", "w-document-expired",
            "birth-not-before-asylum-application", "date-before-first-policy", "v-number-already-registered"})
    @APIResponse(responseCode = "201", description = "Registered; Location names the new participant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipantResponse.class)))
    public Uni<Response> register(@Valid @NotNull RegisterParticipantRequest body, @BeanParam CommandHeaders headers) {
        if (!config.locations().contains(body.location().trim())) {
            throw new InvalidParameter("location", "must be one of the pilot's locations " + config.locations().stream().sorted().toList());
        }
        UUID participantId = UUID.randomUUID();
        return commands.execute(participants,
                HttpCommand.create(participantId, body.toCommand(participantId), body, headers, COLLECTION),
                result -> savePersonalData(participantId, body.personalData()),
                ParticipantResponse::render);
    }

    /** Personal data is kept beside the stream, in the same transaction, and never in an event. */
    private static Uni<Void> savePersonalData(UUID participantId, RegisterParticipantRequest.PersonalDataRequest request) {
        PersonalData data = new PersonalData();
        data.participantId = participantId;
        data.fullName = request.fullName().trim();
        data.dateOfBirth = request.dateOfBirth();
        data.nationality = request.nationality();
        data.vNumber = request.vNumber();
        data.phone = request.phone();
        return Panache.getSession().chain(session -> session.persist(data).call(session::flush))
                .onFailure(failure -> UniqueViolation.of(failure, V_NUMBER_CONSTRAINT))
                .transform(taken -> new Rejected(ParticipantRejection.V_NUMBER_ALREADY_REGISTERED, "personalData.vNumber",
                        "is already registered for another participant"))
                .replaceWithVoid();
    }

    @GET
    @WithSession
    @Operation(operationId = "listParticipants", summary = "Participants, newest registration first, filtered and paged")
    @APIResponse(responseCode = "200", description = "One page of participants")
    public Uni<Page<QueryResponses.ListItem>> list(
            @RestQuery @Parameter(description = "Current reception location") String location,
            @RestQuery @Parameter(description = "active or left") String status,
            @RestQuery @Parameter(description = "Only participants who may (true) or may not (false) do paid work on eligibleOn") String eligible,
            @RestQuery @Parameter(description = "The date for the eligible filter (yyyy-mm-dd); today when left out") String eligibleOn,
            @RestQuery @Parameter(description = "Only participants whose intake is (true) or is not (false) completed") String intakeCompleted,
            @RestQuery @Parameter(description = "Page number, from 1") String page,
            @RestQuery @Parameter(description = "Participants per page, 1 to 100 (default 20)") String pageSize) {
        Paging paging = Paging.of(page, pageSize);
        String statusFilter = QueryParameters.oneOf("status", status, Set.of("active", "left"));
        Boolean eligibleFilter = QueryParameters.bool("eligible", eligible);
        LocalDate on = QueryParameters.date("eligibleOn", eligibleOn, calendar.today());
        Boolean intakeFilter = QueryParameters.bool("intakeCompleted", intakeCompleted);

        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (location != null && !location.isBlank()) {
            where.add("p.location = :location");
            parameters.and("location", location.trim());
        }
        if (statusFilter != null) {
            where.add("p.status = :status");
            parameters.and("status", ParticipantSummary.Status.valueOf(statusFilter.toUpperCase(java.util.Locale.ROOT)));
        }
        if (eligibleFilter != null) {
            where.add(eligibleFilter ? ELIGIBLE : "not " + ELIGIBLE);
            parameters.and("on", on);
        }
        if (intakeFilter != null) {
            where.add(intakeFilter ? "p.intakeCompletedOn is not null" : "p.intakeCompletedOn is null");
        }
        String query = "from ParticipantSummary p" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return paging.listAll(ParticipantSummary.<ParticipantSummary>find(query, Sort.descending("registeredOn").and("participantId"), parameters),
                rows -> namesOf(rows).map(names -> rows.stream().map(row -> item(row, names.get(row.participantId))).toList()));
    }

    private static Uni<Map<UUID, String>> namesOf(List<ParticipantSummary> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = rows.stream().map(row -> row.participantId).toList();
        return PersonalData.<PersonalData>list("participantId in ?1", ids)
                .map(found -> found.stream().collect(Collectors.toMap(data -> data.participantId, data -> data.fullName, (a, b) -> a)));
    }

    private static QueryResponses.ListItem item(ParticipantSummary row, String fullName) {
        return new QueryResponses.ListItem(row.participantId, fullName, row.registeredOn, row.location,
                ParticipantResponse.ParticipationStatus.valueOf(row.status.name()),
                ParticipantResponse.ResidenceStatus.valueOf(row.residenceStatus.name()),
                row.intakeCompletedOn, row.activityCount, row.eligibleFrom, row.eligibleUntil, row.leftOn);
    }

}
