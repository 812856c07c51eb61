package nl.werkdesk.employer.rest;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.employer.domain.JobFair;
import nl.werkdesk.eventsourcing.command.CommandResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JobFair", description = "A job fair, the employers that took part and the meetings recorded there")
public record JobFairResponse(
        UUID jobFairId,
        @Schema(description = "Stream version; also the ETag") long version,
        LocalDate heldOn,
        String location,
        List<UUID> employerIds,
        List<MeetingResponse> meetings) {

    @Schema(name = "JobFairMeeting", description = "A participant (pseudonymous id) met an employer")
    public record MeetingResponse(UUID participantId, UUID employerId, LocalDate metOn) {
    }

    static Uni<JobFairResponse> render(CommandResult<JobFair.State, JobFair.Event> result) {
        return Uni.createFrom().item(() -> of(JobFair.held(result.state()), result.version()));
    }

    static JobFairResponse of(JobFair.State.Held fair, long version) {
        return new JobFairResponse(fair.jobFairId(), version, fair.heldOn(), fair.location(), fair.employerIds(),
                fair.meetings().stream().map(m -> new MeetingResponse(m.participantId(), m.employerId(), m.metOn())).toList());
    }
}
