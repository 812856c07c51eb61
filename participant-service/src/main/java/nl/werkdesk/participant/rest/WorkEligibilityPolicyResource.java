package nl.werkdesk.participant.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.werkdesk.eventsourcing.http.QueryParameters;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.participant.domain.WorkEligibilityPolicies;
import nl.werkdesk.participant.domain.WorkEligibilityPolicy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The dated work eligibility policies, so that anyone judging history can see the rule of its time. */
@Path("/api/v1/work-eligibility-policies")
@RolesAllowed({Roles.CASEWORKER, Roles.PERMIT_OFFICER, Roles.ANALYST, Roles.OPERATOR})
@Tag(name = "Work eligibility policies", description = "The rules for asylum seekers' paid work, by the date they came into force")
@Produces(MediaType.APPLICATION_JSON)
public class WorkEligibilityPolicyResource {

    private final WorkEligibilityPolicies policies;

    WorkEligibilityPolicyResource(WorkEligibilityPolicies policies) {
        this.policies = policies;
    }

    @GET
    @Operation(operationId = "listWorkEligibilityPolicies", summary = "All known policies, oldest first, or the one in force on a date")
    public List<QueryResponses.PolicyResponse> list(
            @RestQuery @Parameter(description = "Only the policy in force on this date (yyyy-mm-dd)") String on) {
        LocalDate date = QueryParameters.date("on", on, null);
        List<WorkEligibilityPolicy> all = policies.all();
        List<QueryResponses.PolicyResponse> responses = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            WorkEligibilityPolicy policy = all.get(i);
            LocalDate until = i + 1 < all.size() ? all.get(i + 1).validFrom().minusDays(1) : null;
            boolean inForce = date == null || (!policy.validFrom().isAfter(date) && (until == null || !until.isBefore(date)));
            if (inForce) {
                responses.add(QueryResponses.PolicyResponse.of(policy, until));
            }
        }
        return responses;
    }
}
