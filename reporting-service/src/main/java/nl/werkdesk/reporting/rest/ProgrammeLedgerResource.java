package nl.werkdesk.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.CommandResult;
import nl.werkdesk.eventsourcing.command.StreamNotFound;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.ETags;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.ReportingModule;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Command;
import nl.werkdesk.reporting.domain.ProgrammeLedger.Ledger;
import nl.werkdesk.reporting.domain.ProgrammeLedgerEvent;
import nl.werkdesk.reporting.domain.ProgrammeLedgerRejection;
import nl.werkdesk.reporting.rest.LedgerRequests.AllocateBudgetRequest;
import nl.werkdesk.reporting.rest.LedgerRequests.BookExpenditureRequest;
import nl.werkdesk.reporting.rest.LedgerRequests.CorrectExpenditureRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The programme ledger, for the finance controller: the pilot's one ledger (its id is configured), read as a whole,
 * changed by allocating budget, booking expenditure and correcting a booking. Every command answers with the
 * ledger and its version as ETag; If-Match and Idempotency-Key work as everywhere.
 */
@Path("/api/v1/programme-ledger")
@RolesAllowed(Roles.FINANCE)
@Tag(name = "Programme ledger", description = "Budget and expenditure of the pilot, in euro cents (finance)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeLedgerResource {

    private final HttpCommands commands;
    private final CommandHandler handler;
    private final Aggregate<Command, Ledger, ProgrammeLedgerEvent> ledger;
    private final UUID ledgerId;

    ProgrammeLedgerResource(HttpCommands commands, CommandHandler handler, Aggregate<Command, Ledger, ProgrammeLedgerEvent> ledger,
                            ReportingModule.Config config) {
        this.commands = commands;
        this.handler = handler;
        this.ledger = ledger;
        this.ledgerId = config.ledgerId();
    }

    @GET
    @WithSession
    @Operation(operationId = "getProgrammeLedger", summary = "The ledger: allocations, bookings with their corrections, totals")
    @APIResponse(responseCode = "200", description = "The ledger (empty, version 0, before its first allocation or booking)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerResponse.class)))
    public Uni<Response> get() {
        return current().map(result -> Response.ok(render(result)).header(HttpHeaders.ETAG, ETags.of(result.version())).build());
    }

    @POST
    @Path("/budget-allocations")
    @Operation(operationId = "allocateBudget", summary = "Allocate budget to a phase of the pilot")
    @APIResponse(responseCode = "200", description = "The ledger with the allocation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerResponse.class)))
    @Refusals(of = ProgrammeLedgerRejection.class, value = {"amount-not-positive", "not-a-pilot-phase"})
    public Uni<Response> allocateBudget(@Valid @NotNull AllocateBudgetRequest body, @BeanParam CommandHeaders headers) {
        return execute(body.toCommand(), body, headers);
    }

    @POST
    @Path("/expenditures")
    @Operation(operationId = "bookExpenditure", summary = "Book money spent, at a location or programme-wide")
    @APIResponse(responseCode = "200", description = "The ledger with the booking; latestChange names the new booking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerResponse.class)))
    @Refusals(of = ProgrammeLedgerRejection.class, value = {"amount-not-positive", "not-a-pilot-location"})
    public Uni<Response> bookExpenditure(@Valid @NotNull BookExpenditureRequest body, @BeanParam CommandHeaders headers) {
        return execute(body.toCommand(), body, headers);
    }

    @POST
    @Path("/expenditures/{bookingId}/corrections")
    @Operation(operationId = "correctExpenditure",
            summary = "Correct a booking by a reversing amount; a correction cannot take the booking below zero")
    @APIResponse(responseCode = "200", description = "The ledger with the correction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerResponse.class)))
    @Refusals(of = ProgrammeLedgerRejection.class, value = {"unknown-booking", "correction-of-zero", "correction-before-booking",
            "booking-below-zero"})
    public Uni<Response> correctExpenditure(@RestPath UUID bookingId, @Valid @NotNull CorrectExpenditureRequest body,
                                            @BeanParam CommandHeaders headers) {
        // An unknown booking is a 404 for the path; bookings are never removed, so the check cannot go stale.
        return current().chain(result -> {
            if (result.state().booking(bookingId).isEmpty()) {
                throw new StreamNotFound("expenditure booking", bookingId);
            }
            return execute(body.toCommand(bookingId), body, headers);
        });
    }

    private Uni<CommandResult<Ledger, ProgrammeLedgerEvent>> current() {
        return Panache.withSession(() -> handler.load(ledger, ledgerId))
                .onFailure(StreamNotFound.class).recoverWithItem(() -> new CommandResult<>(ledgerId, Ledger.EMPTY, 0, List.of()));
    }

    /** The ledger's one stream starts with whichever command comes first; every command answers 200. */
    private Uni<Response> execute(Command command, Object body, CommandHeaders headers) {
        return commands.execute(ledger, HttpCommand.onAnyStream(ledgerId, command, body, headers),
                result -> Uni.createFrom().item(render(result)));
    }

    private LedgerResponse render(CommandResult<Ledger, ProgrammeLedgerEvent> result) {
        return LedgerResponse.of(ledgerId, result.state(), result.version());
    }
}
