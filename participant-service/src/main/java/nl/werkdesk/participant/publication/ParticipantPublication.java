package nl.werkdesk.participant.publication;

import java.util.List;
import nl.werkdesk.contracts.IntegrationEvent;
import nl.werkdesk.contracts.participant.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.contracts.participant.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantPersonalDataErased;
import nl.werkdesk.contracts.participant.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.contracts.participant.ParticipantEvent.RelocatedByCOA;
import nl.werkdesk.contracts.participant.ParticipantEvent.ResidencePermitGranted;
import nl.werkdesk.eventsourcing.publication.Publication;
import nl.werkdesk.participant.domain.ParticipantEvent;

/**
 * The participant service's published language: each stored {@link ParticipantEvent} as the integration event of
 * werkdesk.participants.v1 that other services consume (platform/contracts). One event each, field for field; the
 * registration's W-document, one value inside the service, is published as the two fields the contract has always had.
 * Change this mapping on purpose, and the contract with it only through a new schema or topic version.
 */
public final class ParticipantPublication {

    public static final Publication PUBLICATION = Publication.of(nl.werkdesk.contracts.participant.ParticipantEvent.CATALOG)
            .map(ParticipantEvent.class, ParticipantPublication::publish);

    private ParticipantPublication() {
    }

    static List<IntegrationEvent> publish(ParticipantEvent event) {
        if (event instanceof ParticipantEvent.ParticipantRegistered registered) {
            return List.of(new ParticipantRegistered(registered.participantId(), registered.registeredOn(), registered.location(),
                    registered.asylumApplicationDate(), registered.asylumTrack(), registered.wDocument().type(),
                    registered.wDocument().validUntil(), registered.languages(), registered.workEligibility()));
        }
        if (event instanceof ParticipantEvent.IntakeCompleted intake) {
            return List.of(new IntakeCompleted(intake.participantId(), intake.completedOn(), intake.sectorPreferences(),
                    intake.dutchLevel(), intake.englishLevel(), intake.workExperience()));
        }
        if (event instanceof ParticipantEvent.ActivityCompleted activity) {
            return List.of(new ActivityCompleted(activity.participantId(), activity.activity(), activity.completedOn()));
        }
        if (event instanceof ParticipantEvent.RelocatedByCOA relocated) {
            return List.of(new RelocatedByCOA(relocated.participantId(), relocated.fromLocation(), relocated.toLocation(),
                    relocated.relocatedOn()));
        }
        if (event instanceof ParticipantEvent.ResidencePermitGranted granted) {
            return List.of(new ResidencePermitGranted(granted.participantId(), granted.grantedOn()));
        }
        if (event instanceof ParticipantEvent.AsylumApplicationRejected rejected) {
            return List.of(new AsylumApplicationRejected(rejected.participantId(), rejected.rejectedOn(), rejected.receptionEndsOn()));
        }
        if (event instanceof ParticipantEvent.ParticipantLeftPilot left) {
            return List.of(new ParticipantLeftPilot(left.participantId(), left.reason(), left.leftOn()));
        }
        ParticipantEvent.ParticipantPersonalDataErased erased = (ParticipantEvent.ParticipantPersonalDataErased) event;
        return List.of(new ParticipantPersonalDataErased(erased.participantId(), erased.erasedOn()));
    }
}
