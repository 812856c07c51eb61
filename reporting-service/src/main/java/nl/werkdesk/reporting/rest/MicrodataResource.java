package nl.werkdesk.reporting.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import java.util.stream.Collectors;
import nl.werkdesk.eventsourcing.BusinessCalendar;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.metrics.Metrics;
import nl.werkdesk.reporting.metrics.Scope;
import nl.werkdesk.reporting.microdata.Microdata;
import nl.werkdesk.reporting.microdata.MicrodataCsv;
import nl.werkdesk.reporting.microdata.MicrodataResponses;
import nl.werkdesk.reporting.microdata.MicrodataResponses.Disclosure;
import nl.werkdesk.reporting.microdata.MicrodataResponses.MicrodataExport;
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
 * the researcher role may read the records; the analyst sees aggregates only.
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

    private final Microdata microdata;
    private final Metrics metrics;
    private final BusinessCalendar calendar;

    MicrodataResource(Microdata microdata, Metrics metrics, BusinessCalendar calendar) {
        this.microdata = microdata;
        this.metrics = metrics;
        this.calendar = calendar;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.RESEARCHER)
    @Produces({Rfc4180.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getMicrodata", summary = "The researcher's records: one per participant, pseudonymised and k-anonymous",
            description = "One record per participant enrolled in scope on or before asOf, with the columns of the codebook: no ids, "
                    + "no exact dates, no free text. RFC 4180 CSV (commas, a dot as the decimal sign, UTF-8 without a byte order mark, "
                    + "CRLF, a header row), or JSON with Accept: application/json. Disclosure control makes every combination of the "
                    + "quasi-identifiers occur at least k times (generalising, then suppressing); the headers and the JSON say what it did.")
    @APIResponse(responseCode = "200", description = "The records", headers = {
            @Header(name = K, description = "The k required", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = K_REACHED, description = "The k reached: the fewest records sharing a combination of quasi-identifiers; "
                    + "none without records", schema = @Schema(type = SchemaType.STRING, pattern = "^([0-9]+|none)$")),
            @Header(name = GENERALISATIONS, description = "The generalisations applied, comma-separated in their order, or none",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = SUPPRESSED, description = "Records left out by suppression", schema = @Schema(type = SchemaType.INTEGER))},
            content = {
                    @Content(mediaType = Rfc4180.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV, "
                            + "the codebook's columns in its order")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MicrodataExport.class))})
    public Uni<Response> export(@BeanParam EvaluationParameters parameters, @Context HttpHeaders headers) {
        Scope scope = parameters.resolve(metrics, calendar.today());
        boolean json = wantsJson(headers);
        return microdata.export(scope).map(export -> {
            Response.ResponseBuilder response = json ? Response.ok(export, MediaType.APPLICATION_JSON_TYPE)
                    : Response.ok(MicrodataCsv.of(export, microdata.columns()), CSV)
                            .header("Content-Disposition", "attachment; filename=\"werkdesk-microdata-" + scope.asOf() + ".csv\"");
            return disclosed(response, export.disclosure()).build();
        });
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
