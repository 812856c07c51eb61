package nl.werkdesk.reporting.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.StreamNotFound;
import nl.werkdesk.eventsourcing.http.Page;
import nl.werkdesk.eventsourcing.http.Paging;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.ReportingModule;
import nl.werkdesk.reporting.view.MicrodataExportView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The account of every export of the researcher's records, for the operator: each MicrodataExported event as recorded (who,
 * when, the scope, the records, k, the SHA-256 of the file), newest first, a page at a time (the kernel's Paging).
 */
@Path("/api/v1/microdata-exports")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Microdata exports", description = "The account of every export of the researcher's records (operator)")
@Produces(MediaType.APPLICATION_JSON)
public class MicrodataExportResource {

    @Schema(name = "MicrodataExportAccount", description = "One export of the researcher's records, as its MicrodataExported event "
            + "records it. Every property is present; null where it does not apply.")
    public record Account(
            @Schema(description = "The export (its stream id)") UUID exportId,
            @Schema(description = "The MicrodataExported event's id (ce_id on werkdesk.programme.v1)") UUID eventId,
            @Schema(description = "Who exported: the subject of the researcher's token") String exportedBy,
            @Schema(description = "The business date of the export") LocalDate exportedOn,
            @Schema(description = "The moment of the export") Instant exportedAt,
            @Schema(description = "The records were as of this date") LocalDate asOf,
            @Schema(description = "The location exported; null for every location", nullable = true) String location,
            @Schema(description = "The phase exported; null for every phase", nullable = true) Integer phase,
            @Schema(enumeration = {"csv", "json"}) String format,
            @Schema(description = "Records in the file", minimum = "0") int rows,
            @Schema(description = "The k required", minimum = "5") int k,
            @Schema(description = "The k reached; null without records", nullable = true) Integer kReached,
            @Schema(description = "The generalisations applied, in their order") List<String> generalisations,
            @Schema(description = "Records suppressed", minimum = "0") int rowsSuppressed,
            @Schema(description = "SHA-256 of the file as sent, hex", pattern = "^[0-9a-f]{64}$") String sha256) {

        static Account of(MicrodataExportView view) {
            return new Account(view.exportId, view.eventId, view.exportedBy, view.exportedOn, view.exportedAt, view.asOf, view.location,
                    view.phase, view.format, view.records, view.k, view.kReached, view.generalisationList(), view.recordsSuppressed,
                    view.sha256);
        }
    }

    @GET
    @WithSession
    @Operation(operationId = "listMicrodataExports", summary = "Every export of the researcher's records, newest first, paged")
    @APIResponse(responseCode = "200", description = "One page of the accounts")
    public Uni<Page<Account>> list(@RestQuery @Parameter(description = "Page number, from 1") String page,
                                   @RestQuery @Parameter(description = "Accounts per page, 1 to 100 (default 20)") String pageSize) {
        return Paging.of(page, pageSize).list(MicrodataExportView.<MicrodataExportView>findAll(
                Sort.descending("exportedAt").and("exportId")), Account::of);
    }

    @GET
    @Path("/{exportId}")
    @WithSession
    @Operation(operationId = "getMicrodataExport", summary = "One export of the researcher's records")
    public Uni<Account> get(@RestPath UUID exportId) {
        return MicrodataExportView.<MicrodataExportView>findById(exportId).map(view -> {
            if (view == null) {
                throw new StreamNotFound(ReportingModule.EXPORT_STREAM_TYPE, exportId);
            }
            return Account.of(view);
        });
    }
}
