package nl.werkdesk.employer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import nl.werkdesk.employer.domain.MinimumWages;
import nl.werkdesk.employer.rest.QueryResponses.MinimumWageResponse;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The dated statutory minimum wage that vacancies are judged by, so that anyone can see the rate of a day. */
@Path("/api/v1/minimum-wages")
@RolesAllowed({Roles.EMPLOYER_LIAISON, Roles.CASEWORKER, Roles.PERMIT_OFFICER, Roles.ANALYST})
@Tag(name = "Minimum wages", description = "The statutory minimum wage (gross, per hour, adults) by the date it came into force")
@Produces(MediaType.APPLICATION_JSON)
public class MinimumWageResource {

    private final MinimumWages minimumWages;

    MinimumWageResource(MinimumWages minimumWages) {
        this.minimumWages = minimumWages;
    }

    @GET
    @Operation(operationId = "listMinimumWages", summary = "Every known rate, oldest first, or the one in force on a date")
    public List<MinimumWageResponse> list(
            @RestQuery @Parameter(description = "Only the rate in force on this date (yyyy-mm-dd)") String on) {
        LocalDate date = QueryParameters.date("on", on, null);
        List<MinimumWages.MinimumWage> rates = date == null
                ? minimumWages.all()
                : minimumWages.inForceOn(date).map(List::of).orElse(List.of());
        return rates.stream()
                .map(rate -> new MinimumWageResponse(rate.validFrom(), minimumWages.validUntil(rate).orElse(null), rate.hourlyCents()))
                .toList();
    }
}
