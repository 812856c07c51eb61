package nl.werkdesk.permit.rest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.eventsourcing.http.Page;
import nl.werkdesk.permit.rest.PermitRequests.DecisionOutcome;
import nl.werkdesk.permit.view.PermitSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes the permit queries answer with. */
public final class QueryResponses {

    private QueryResponses() {
    }

    @Schema(name = "PermitListItem")
    public record ListItem(UUID permitId, UUID participantId, UUID employerId, UUID vacancyId, PermitResponse.PermitStatus status,
                           List<PermitResponse.PendingInformation> pendingInformation, LocalDate requestedOn, LocalDate startDate,
                           @Schema(nullable = true) LocalDate completedOn, @Schema(nullable = true) LocalDate decisionDueOn,
                           @Schema(nullable = true, description = "Days UWV's decision is past due on the date asked for; null when not overdue")
                           Long daysOverdue,
                           @Schema(nullable = true) LocalDate decidedOn, @Schema(nullable = true) LocalDate validUntil,
                           @Schema(nullable = true) LocalDate closedOn) {

        static ListItem of(PermitSummary row, LocalDate on) {
            boolean overdue = row.decisionDueOn != null && row.status == nl.werkdesk.permit.domain.Permit.Status.APPLICATION_COMPLETE
                    && on.isAfter(row.decisionDueOn);
            return new ListItem(row.permitId, row.participantId, row.employerId, row.vacancyId,
                    PermitResponse.PermitStatus.of(row.status, row.awaiting()), PermitResponse.PendingInformation.of(row.awaiting()),
                    row.requestedOn, row.startDate, row.completedOn, row.decisionDueOn,
                    overdue ? PermitResponse.daysOverdue(row.decisionDueOn, on) : null, row.decidedOn, row.validUntil, row.closedOn);
        }
    }

    @Schema(name = "LeadTime", description = "How long UWV took to decide on one permit")
    public record LeadTime(UUID permitId, LocalDate requestedOn, LocalDate completedOn, LocalDate decisionDueOn, LocalDate decidedOn,
                           DecisionOutcome outcome,
                           @Schema(description = "Days from the request to the decision") long leadTimeDays,
                           @Schema(description = "Whether UWV decided within the legal term") boolean withinTerm) {

        static LeadTime of(PermitSummary row) {
            return new LeadTime(row.permitId, row.requestedOn, row.completedOn, row.decisionDueOn, row.decidedOn,
                    row.validUntil != null ? DecisionOutcome.GRANTED : DecisionOutcome.REFUSED,
                    ChronoUnit.DAYS.between(row.requestedOn, row.decidedOn), !row.decidedOn.isAfter(row.decisionDueOn));
        }
    }

    @Schema(name = "LeadTimeSummary", description = "Over every decided permit in the period")
    public record LeadTimeSummary(
            @Schema(description = "Permits UWV decided on") long count,
            @Schema(nullable = true, description = "Median days from request to decision; null when there are none") Double medianDays,
            @Schema(nullable = true, description = "Share (0 to 1) of decisions within the legal term; null when there are none") Double withinTermShare) {
    }

    @Schema(name = "LeadTimes", description = "UWV's decision lead times: the summary, and one page of the permits behind it")
    public record LeadTimes(LeadTimeSummary summary, List<LeadTime> items,
                            @Schema(description = "The page number, from 1") int page,
                            @Schema(description = "Permits per page") int pageSize,
                            @Schema(description = "Decided permits on all pages together") long totalItems,
                            @Schema(description = "Pages in all") int totalPages) {

        /** The summary beside one page of the permits, in the kernel's page shape with the summary added. */
        static LeadTimes of(LeadTimeSummary summary, Page<LeadTime> page) {
            return new LeadTimes(summary, page.items(), page.page(), page.pageSize(), page.totalItems(), page.totalPages());
        }
    }
}
