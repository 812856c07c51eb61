package nl.werkdesk.permit.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.permit.DeclineReason;
import nl.werkdesk.contracts.permit.EndReason;
import nl.werkdesk.contracts.permit.RefusalReason;
import nl.werkdesk.eventsourcing.command.CommandResult;
import nl.werkdesk.permit.domain.Facts.Information;
import nl.werkdesk.permit.domain.Permit;
import nl.werkdesk.permit.domain.Permit.Application;
import nl.werkdesk.permit.domain.Permit.Grant;
import nl.werkdesk.permit.domain.Permit.Outcome;
import nl.werkdesk.permit.domain.PermitEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Permit", description = "A TWV for one participant, one employer and one job, as of its latest event")
public record PermitResponse(
        UUID permitId,
        @Schema(description = "Stream version; also the ETag") long version,
        PermitStatus status,
        @Schema(description = "While pending-information: what the request waits for from the other Werkdesk services")
        List<PendingInformation> pendingInformation,
        UUID participantId,
        UUID employerId,
        UUID vacancyId,
        @Schema(description = "Gross wage per hour in euro cents") long hourlyWageCents,
        int hoursPerWeek,
        LocalDate startDate,
        LocalDate requestedOn,
        boolean viaIntermediary,
        @Schema(nullable = true) LocalDate completedOn,
        @Schema(nullable = true, description = "The end of UWV's legal term to decide") LocalDate decisionDueOn,
        @Schema(description = "Whether UWV's decision is past due today") boolean overdue,
        @Schema(nullable = true) DeclineReason declineReason,
        @Schema(nullable = true, description = "When declined as not-yet-eligible: the first day the participant may work") LocalDate eligibleFrom,
        @Schema(nullable = true, description = "The day UWV granted or refused") LocalDate decidedOn,
        @Schema(nullable = true) RefusalReason refusalReason,
        @Schema(nullable = true) LocalDate validFrom,
        @Schema(nullable = true, description = "The last valid day (the end of the W-document)") LocalDate validUntil,
        @Schema(nullable = true, description = "The day the permit was declined, refused, withdrawn, expired, no longer required or ended") LocalDate closedOn,
        @Schema(nullable = true) EndReason endReason,
        @Schema(nullable = true, description = "Days from the request to UWV's decision") Long leadTimeDays,
        @Schema(nullable = true, description = "Whether UWV decided within the legal term") Boolean decidedWithinTerm) {

    public enum PermitStatus {
        @JsonProperty("requested") REQUESTED,
        @JsonProperty("pending-information") PENDING_INFORMATION,
        @JsonProperty("application-complete") APPLICATION_COMPLETE,
        @JsonProperty("granted") GRANTED,
        @JsonProperty("declined") DECLINED,
        @JsonProperty("refused") REFUSED,
        @JsonProperty("withdrawn") WITHDRAWN,
        @JsonProperty("expired") EXPIRED,
        @JsonProperty("no-longer-required") NO_LONGER_REQUIRED,
        @JsonProperty("ended") ENDED;

        /** A requested permit that waits for information shows as pending-information. */
        static PermitStatus of(Permit.Status status, Set<Information> awaiting) {
            if (status == Permit.Status.REQUESTED && !awaiting.isEmpty()) {
                return PENDING_INFORMATION;
            }
            return valueOf(status.name());
        }

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public enum PendingInformation {
        @JsonProperty("participant") PARTICIPANT,
        @JsonProperty("employer") EMPLOYER;

        static List<PendingInformation> of(Set<Information> awaiting) {
            return awaiting.stream().sorted().map(info -> valueOf(info.name())).toList();
        }
    }

    /** The response to a command or a read: the state at a version, with what the request waits for. */
    static Uni<PermitResponse> render(CommandResult<Permit.State, PermitEvent> result, LocalDate today) {
        return Uni.createFrom().item(of(result.state(), result.version(), today));
    }

    static PermitResponse of(Permit.State state, long version, LocalDate today) {
        Application application = Permit.applicationOf(state);
        Permit.Status status = Permit.statusOf(state);
        Grant grant = Permit.grantOf(state);
        Outcome outcome = state instanceof Permit.State.Closed closed ? closed.outcome() : null;
        Outcome.Declined declined = outcome instanceof Outcome.Declined d ? d : null;
        Outcome.Refused refused = outcome instanceof Outcome.Refused r ? r : null;
        Outcome.Ended ended = outcome instanceof Outcome.Ended e ? e : null;
        LocalDate decidedOn = Permit.decidedOn(state);
        boolean overdue = status == Permit.Status.APPLICATION_COMPLETE && today.isAfter(application.decisionDueOn());
        Set<Information> waitingFor = Permit.awaitingOf(state);
        return new PermitResponse(application.permitId(), version, PermitStatus.of(status, waitingFor), PendingInformation.of(waitingFor),
                application.participantId(), application.employerId(), application.vacancyId(), application.hourlyWageCents(),
                application.hoursPerWeek(), application.startDate(), application.requestedOn(), application.viaIntermediary(),
                application.completedOn(), application.decisionDueOn(), overdue,
                declined == null ? null : declined.reason(), declined == null ? null : declined.eligibleFrom(),
                decidedOn, refused == null ? null : refused.reason(),
                grant == null ? null : grant.validFrom(), grant == null ? null : grant.validUntil(),
                outcome == null ? null : outcome.on(), ended == null ? null : ended.reason(),
                Permit.leadTimeDays(state),
                decidedOn == null ? null : !decidedOn.isAfter(application.decisionDueOn()));
    }

    /** Days past the decision due date on {@code on}, for a permit still waiting for UWV. */
    static long daysOverdue(LocalDate decisionDueOn, LocalDate on) {
        return Math.max(0, ChronoUnit.DAYS.between(decisionDueOn, on));
    }
}
