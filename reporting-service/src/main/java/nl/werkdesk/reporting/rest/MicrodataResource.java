package nl.werkdesk.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.http.CommandHeaders;
import nl.werkdesk.eventsourcing.http.HttpCommand;
import nl.werkdesk.eventsourcing.http.HttpCommands;
import nl.werkdesk.eventsourcing.http.InvalidParameter;
import nl.werkdesk.eventsourcing.http.Refusals;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.domain.MicrodataExport.Command;
import nl.werkdesk.reporting.domain.MicrodataExport.State;
import nl.werkdesk.reporting.domain.MicrodataExportEvent;
import nl.werkdesk.reporting.domain.MicrodataExportEvent.MicrodataExported;
import nl.werkdesk.reporting.domain.MicrodataExportRejection;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.MetricsQueries;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.microdata.Microdata;
import nl.werkdesk.reporting.microdata.MicrodataCsv;
import nl.werkdesk.reporting.microdata.MicrodataResponses;
import nl.werkdesk.reporting.microdata.MicrodataResponses.Disclosure;
import nl.werkdesk.reporting.microdata.MicrodataResponses.MicrodataExport;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestHeader;
import nl.werkdesk.reporting.microdata.Rfc4180;
import nl.werkdesk.reporting.view.JsonNames;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The researcher's export (Platform31, under the data-sharing agreement): one pseudonymised, k-anonymous record per
 * participant enrolled in scope by asOf, as RFC 4180 CSV or, with Accept: application/json, as JSON; and its codebook. Only
 * the researcher role may read the records; the analyst sees aggregates only. Every export is recorded through the kernel as
 * an event of its own stream (MicrodataExport), in the transaction that answers, with the Idempotency-Key's record.
 */
@Path("/api/v1/evaluation/microdata")
@Tag(name = "Microdata", description = "The researcher's pseudonymised, k-anonymous records per participant, and their codebook")
public class MicrodataResource {

    static final String CSV = Rfc4180.MEDIA_TYPE + ";charset=UTF-8;header=present";
    static final String K = "K-Anonymity-K";
    static final String K_REACHED = "K-Anonymity-Reached";
    static final String GENERALISATIONS = "K-Anonymity-Generalisations";
    static final String SUPPRESSED = "K-Anonymity-Rows-Suppressed";
    static final String NONE = "none";
    static final String EXPORT_ID = "Export-Id";
    static final String CONTENT_DIGEST = "Content-Digest";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String CSV_FORMAT = "csv";
    static final String JSON = "json";

    private final Microdata microdata;
    private final Metrics metrics;
    private final BusinessCalendar calendar;
    private final HttpCommands commands;
    private final Aggregate<Command, State, MicrodataExportEvent> exports;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final MetricsQueries queries;

    MicrodataResource(Microdata microdata, Metrics metrics, BusinessCalendar calendar, HttpCommands commands,
                      Aggregate<Command, State, MicrodataExportEvent> exports, SecurityIdentity identity, ObjectMapper mapper,
                      MetricsQueries queries) {
        this.microdata = microdata;
        this.metrics = metrics;
        this.calendar = calendar;
        this.commands = commands;
        this.exports = exports;
        this.identity = identity;
        this.mapper = mapper;
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Produces({Rfc4180.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getMicrodata", summary = "The researcher's records: one per participant, pseudonymised and k-anonymous",
            description = "One record per participant enrolled in scope on or before asOf, with the columns of the codebook: no ids, "
                    + "no exact dates, no free text. RFC 4180 CSV (commas, a dot as the decimal sign, UTF-8 without a byte order mark, "
                    + "CRLF, a header row), or JSON with Accept: application/json. Disclosure control makes every combination of the "
                    + "quasi-identifiers occur at least k times (generalising, then suppressing); the headers and the JSON say what it did. "
                    + "Every export is accounted for: it is recorded as a MicrodataExported event (who, when, the scope, the records, "
                    + "k, the SHA-256 of the file as sent) and published on werkdesk.programme.v1, in the transaction that answers. "
                    + "A GET, because the export reads; recording who read what is the account the data-sharing agreement asks for, "
                    + "not a change the client asks for. Without an Idempotency-Key every request is an export of its own; a request "
                    + "repeated with the same key and the same scope and format is the same export: it is recorded once, and the "
                    + "repeat gets the same file (Idempotent-Replayed: true), or 409 if the records as of asOf have changed since. A "
                    + "location where nobody enrolled is a 400, not an export.")
    @APIResponse(responseCode = "200", description = "The records", headers = {
            @Header(name = K, description = "The k required", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = K_REACHED, description = "The k reached: the fewest records sharing a combination of quasi-identifiers; "
                    + "none without records", schema = @Schema(type = SchemaType.STRING, pattern = "^([0-9]+|none)$")),
            @Header(name = GENERALISATIONS, description = "The generalisations applied, comma-separated in their order, or none",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = SUPPRESSED, description = "Records left out by suppression", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = EXPORT_ID, description = "The export, as its account (MicrodataExported) names it",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")),
            @Header(name = CONTENT_DIGEST, description = "The SHA-256 of the body (RFC 9530), as the account records it in hex",
                    schema = @Schema(type = SchemaType.STRING))},
            content = {
                    @Content(mediaType = Rfc4180.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV, "
                            + "the codebook's columns in its order")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MicrodataExport.class))})
    @Refusals(of = MicrodataExportRejection.class, value = "records-changed-since-export")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another scope or format",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> export(@BeanParam EvaluationParameters parameters, @Context HttpHeaders headers,
                                @RestHeader("Idempotency-Key") @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key",
                                        description = "A unique key per intended export (e.g. a UUID): repeating the request with the "
                                                + "same key, scope and format is the same export, recorded once") String idempotencyKey) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        String format = wantsJson(headers) ? JSON : CSV_FORMAT;
        LocalDate exportedOn = calendar.today();
        Instant exportedAt = Instant.now();
        return Panache.withSession(() -> queries.locations().chain(locations -> {
            // An export is accounted for: one of a place where nobody enrolled would account for nothing (and a typo).
            if (scope.location() != null && !locations.contains(scope.location())) {
                throw new InvalidParameter("location", "has no participants; the locations with participants are " + locations);
            }
            return microdata.export(scope);
        })).chain(export -> {
            byte[] file = file(export, format);
            String sha256 = HexFormat.of().formatHex(sha256(file));
            Disclosure disclosure = export.disclosure();
            UUID exportId = UUID.randomUUID();
            Command.RecordExport command = new Command.RecordExport(exportId, identity.getPrincipal().getName(), exportedOn, exportedAt,
                    scope.asOf(), scope.location(), scope.phase(), format, disclosure.rows(), disclosure.k(), disclosure.kReached(),
                    disclosure.generalisations().stream().map(JsonNames::of).toList(), disclosure.rowsSuppressed(), sha256);
            CommandHeaders commandHeaders = new CommandHeaders();
            commandHeaders.idempotencyKey = idempotencyKey;
            HttpCommand<Command> recorded = HttpCommand.create(exportId, command,
                    new ExportRequest(scope.asOf(), scope.location(), scope.phase(), format), commandHeaders, null);
            // Recorded once; a repeat of the key replays the account of the first export, which must be of this very file.
            return commands.execute(exports, recorded, result -> Uni.createFrom().item(() -> {
                MicrodataExported account = ((State.Recorded) result.state()).export();
                if (!sameExport(account, command)) {
                    throw new Rejected(MicrodataExportRejection.RECORDS_CHANGED_SINCE_EXPORT, "the records as of " + account.asOf()
                            + " have changed since the first export with this Idempotency-Key (a fact dated on or before it arrived "
                            + "late); export again with a new key");
                }
                return new Sent(account.exportId(), file);
            })).map(response -> {
                Sent sent = (Sent) response.getEntity();
                Response.ResponseBuilder answer = Response.ok(sent.file(), format.equals(JSON) ? MediaType.APPLICATION_JSON : CSV)
                        .header(EXPORT_ID, sent.exportId())
                        .header(CONTENT_DIGEST, "sha-256=:" + Base64.getEncoder().encodeToString(sha256(sent.file())) + ":");
                if (format.equals(CSV_FORMAT)) {
                    answer.header("Content-Disposition", "attachment; filename=\"werkdesk-microdata-" + scope.asOf() + ".csv\"");
                }
                if (response.getHeaderString(REPLAYED) != null) {
                    answer.header(REPLAYED, response.getHeaderString(REPLAYED));
                }
                return disclosed(answer, disclosure).build();
            });
        });
    }

    /** The account describes this file and what disclosure control did to it (some of which the CSV does not show). */
    private static boolean sameExport(MicrodataExported account, Command.RecordExport export) {
        return account.sha256().equals(export.sha256()) && account.rows() == export.rows() && account.k() == export.k()
                && java.util.Objects.equals(account.kReached(), export.kReached())
                && account.generalisations().equals(export.generalisations()) && account.rowsSuppressed() == export.rowsSuppressed();
    }

    /** What makes two requests the same export: its Idempotency-Key fingerprint. */
    record ExportRequest(LocalDate asOf, String location, Integer phase, String format) {
    }

    /** The file as sent, with the export it was recorded as. */
    private record Sent(UUID exportId, byte[] file) {
    }

    private byte[] file(MicrodataExport export, String format) {
        try {
            return format.equals(JSON) ? mapper.writeValueAsBytes(export)
                    : MicrodataCsv.of(export, microdata.columns()).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export as JSON", e);
        }
    }

    private static byte[] sha256(byte[] file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(file);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @GET
    @Path("/codebook")
    @RolesAllowed(Roles.RESEARCHER)
    @Produces({MediaType.APPLICATION_JSON, Rfc4180.MEDIA_TYPE})
    @Operation(operationId = "getMicrodataCodebook", summary = "The codebook: every column of the export, and the disclosure rules",
            description = "Every column's name, type, unit, definition and allowed values, in the order of the file, and the rules "
                    + "of disclosure control. JSON, or RFC 4180 CSV with Accept: text/csv (a row per column, then a row per rule).")
    @APIResponse(responseCode = "200", description = "The codebook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MicrodataResponses.CodebookResponse.class)),
            @Content(mediaType = Rfc4180.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV"))})
    public Response codebook(@Context HttpHeaders headers) {
        return MetricsResource.wantsCsv(headers)
                ? Response.ok(MicrodataCsv.of(microdata.codebook()), CSV)
                        .header("Content-Disposition", "attachment; filename=\"werkdesk-microdata-codebook.csv\"").build()
                : Response.ok(microdata.codebook(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Response.ResponseBuilder disclosed(Response.ResponseBuilder response, Disclosure disclosure) {
        return response.header(K, disclosure.k())
                .header(K_REACHED, disclosure.kReached() == null ? NONE : disclosure.kReached().toString())
                .header(GENERALISATIONS, disclosure.generalisations().isEmpty() ? NONE
                        : disclosure.generalisations().stream().map(JsonNames::of).collect(Collectors.joining(",")))
                .header(SUPPRESSED, disclosure.rowsSuppressed());
    }

    /** CSV unless the client prefers JSON (a wildcard gets CSV, the export's own format). */
    static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.valueOf(Rfc4180.MEDIA_TYPE))) {
                return false;
            }
        }
        return false;
    }
}
