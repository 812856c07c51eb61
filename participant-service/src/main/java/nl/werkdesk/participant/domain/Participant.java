package nl.werkdesk.participant.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.werkdesk.contracts.LanguageLevel;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.contracts.participant.ActivityType;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.LeaveReason;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.contracts.participant.WorkEligibility;
import nl.werkdesk.contracts.participant.WorkExperience;
import nl.werkdesk.eventsourcing.core.Decider;
import nl.werkdesk.eventsourcing.core.Rejected;
import nl.werkdesk.participant.domain.ParticipantEvent.ActivityCompleted;
import nl.werkdesk.participant.domain.ParticipantEvent.AsylumApplicationRejected;
import nl.werkdesk.participant.domain.ParticipantEvent.IntakeCompleted;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantLeftPilot;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantPersonalDataErased;
import nl.werkdesk.participant.domain.ParticipantEvent.ParticipantRegistered;
import nl.werkdesk.participant.domain.ParticipantEvent.RelocatedByCOA;
import nl.werkdesk.participant.domain.ParticipantEvent.ResidencePermitGranted;

/**
 * A participant's journey through the pilot: registered at a reception location, intake, activities,
 * relocations by COA, a residence permit or a rejection, leaving, and erasure of personal data. Pure: no
 * I/O, no clock; the dated work eligibility policies come in when the decider is made.
 */
public final class Participant {

    public sealed interface Command {
        /** {@code dateOfBirth} decides when the participant comes of age; it is never part of an event. */
        record RegisterParticipant(UUID participantId, LocalDate registeredOn, String location, LocalDate asylumApplicationDate,
                                   AsylumTrack asylumTrack, WDocumentType wDocumentType, LocalDate wDocumentValidUntil,
                                   List<String> languages, LocalDate dateOfBirth) implements Command {}

        record CompleteIntake(LocalDate completedOn, Set<Sector> sectorPreferences, LanguageLevel dutchLevel,
                              LanguageLevel englishLevel, List<WorkExperience> workExperience) implements Command {}

        record RecordActivity(ActivityType activity, LocalDate completedOn) implements Command {}

        record RelocateByCOA(String fromLocation, String toLocation, LocalDate relocatedOn) implements Command {}

        record GrantResidencePermit(LocalDate grantedOn) implements Command {}

        record RejectAsylumApplication(LocalDate rejectedOn) implements Command {}

        record LeavePilot(LeaveReason reason, LocalDate leftOn) implements Command {}

        record ErasePersonalData(LocalDate erasedOn) implements Command {}
    }

    public enum ResidenceStatus { ASYLUM_SEEKER, STATUS_HOLDER, REJECTED }

    /** The intake as recorded. */
    public record Intake(LocalDate completedOn, Set<Sector> sectorPreferences, LanguageLevel dutchLevel,
                         LanguageLevel englishLevel, List<WorkExperience> workExperience) {}

    public record Activity(ActivityType activity, LocalDate completedOn) {}

    /** Everything the participant's events say, as of the latest one. */
    public record Journey(UUID participantId, LocalDate registeredOn, String location, LocalDate asylumApplicationDate,
                          AsylumTrack asylumTrack, WDocument wDocument,
                          List<String> languages, WorkEligibility workEligibility, Intake intake, List<Activity> activities,
                          LocalDate lastRelocatedOn, ResidenceStatus residenceStatus, LocalDate residenceStatusSince,
                          LocalDate receptionEndsOn, LocalDate personalDataErasedOn, LocalDate latestStepOn) {

        Journey with(Intake newIntake, LocalDate on) {
            return new Journey(participantId, registeredOn, location, asylumApplicationDate, asylumTrack, wDocument,
                    languages, workEligibility, newIntake, activities, lastRelocatedOn, residenceStatus,
                    residenceStatusSince, receptionEndsOn, personalDataErasedOn, latest(on));
        }

        Journey withActivity(Activity activity) {
            List<Activity> all = new ArrayList<>(activities);
            all.add(activity);
            return new Journey(participantId, registeredOn, location, asylumApplicationDate, asylumTrack, wDocument,
                    languages, workEligibility, intake, List.copyOf(all), lastRelocatedOn, residenceStatus,
                    residenceStatusSince, receptionEndsOn, personalDataErasedOn, latest(activity.completedOn()));
        }

        Journey relocatedTo(String newLocation, LocalDate on) {
            return new Journey(participantId, registeredOn, newLocation, asylumApplicationDate, asylumTrack, wDocument,
                    languages, workEligibility, intake, activities, on, residenceStatus,
                    residenceStatusSince, receptionEndsOn, personalDataErasedOn, latest(on));
        }

        Journey withResidenceStatus(ResidenceStatus status, LocalDate since, LocalDate receptionEnds) {
            return new Journey(participantId, registeredOn, location, asylumApplicationDate, asylumTrack, wDocument,
                    languages, workEligibility, intake, activities, lastRelocatedOn, status, since,
                    receptionEnds, personalDataErasedOn, latest(since));
        }

        Journey erasedOn(LocalDate on) {
            return new Journey(participantId, registeredOn, location, asylumApplicationDate, asylumTrack, wDocument,
                    languages, workEligibility, intake, activities, lastRelocatedOn, residenceStatus,
                    residenceStatusSince, receptionEndsOn, on, latestStepOn);
        }

        private LocalDate latest(LocalDate on) {
            return on.isAfter(latestStepOn) ? on : latestStepOn;
        }
    }

    public sealed interface State {
        record Unregistered() implements State {}

        record Active(Journey journey) implements State {}

        record Left(Journey journey, LeaveReason reason, LocalDate leftOn) implements State {}
    }

    private Participant() {
    }

    public static Decider<Command, State, ParticipantEvent> decider(WorkEligibilityPolicies policies) {
        return new Decider<>(new State.Unregistered(), (command, state) -> decide(command, state, policies), Participant::evolve);
    }

    static List<ParticipantEvent> decide(Command command, State state, WorkEligibilityPolicies policies) {
        if (command instanceof Command.RegisterParticipant register) {
            return register(register, state, policies);
        }
        if (command instanceof Command.ErasePersonalData erase) {
            Journey journey = journeyOf(state);
            if (journey.personalDataErasedOn() != null) {
                throw new Rejected(ParticipantRejection.PERSONAL_DATA_ALREADY_ERASED,
                        "personal data was already erased on " + journey.personalDataErasedOn());
            }
            notBeforeRegistration("erasedOn", erase.erasedOn(), journey);
            return List.of(new ParticipantPersonalDataErased(journey.participantId(), erase.erasedOn()));
        }
        Journey journey = activeJourney(state);
        UUID id = journey.participantId();
        if (command instanceof Command.CompleteIntake intake) {
            if (journey.intake() != null) {
                throw new Rejected(ParticipantRejection.INTAKE_ALREADY_COMPLETED,
                        "the intake was already completed on " + journey.intake().completedOn());
            }
            notBeforeRegistration("completedOn", intake.completedOn(), journey);
            return List.of(new IntakeCompleted(id, intake.completedOn(), Set.copyOf(intake.sectorPreferences()),
                    intake.dutchLevel(), intake.englishLevel(), List.copyOf(intake.workExperience())));
        }
        if (command instanceof Command.RecordActivity activity) {
            if (journey.intake() == null) {
                throw new Rejected(ParticipantRejection.INTAKE_NOT_COMPLETED,
                        "an activity follows the intake, which has not been completed yet");
            }
            if (activity.completedOn().isBefore(journey.intake().completedOn())) {
                throw new Rejected(ParticipantRejection.DATE_BEFORE_INTAKE,
                        "completedOn", "lies before the intake on " + journey.intake().completedOn());
            }
            return List.of(new ActivityCompleted(id, activity.activity(), activity.completedOn()));
        }
        if (command instanceof Command.RelocateByCOA relocation) {
            if (!relocation.fromLocation().equals(journey.location())) {
                throw new Rejected(ParticipantRejection.NOT_CURRENT_LOCATION,
                        "fromLocation", "is not the participant's current location (" + journey.location() + ")");
            }
            if (relocation.toLocation().equals(journey.location())) {
                throw new Rejected(ParticipantRejection.ALREADY_AT_LOCATION, "toLocation", "is the participant's current location");
            }
            notBeforeRegistration("relocatedOn", relocation.relocatedOn(), journey);
            if (journey.lastRelocatedOn() != null && relocation.relocatedOn().isBefore(journey.lastRelocatedOn())) {
                throw new Rejected(ParticipantRejection.DATE_BEFORE_PREVIOUS_RELOCATION,
                        "relocatedOn", "lies before the previous relocation on " + journey.lastRelocatedOn());
            }
            return List.of(new RelocatedByCOA(id, relocation.fromLocation(), relocation.toLocation(), relocation.relocatedOn()));
        }
        if (command instanceof Command.GrantResidencePermit grant) {
            if (journey.residenceStatus() == ResidenceStatus.STATUS_HOLDER) {
                throw new Rejected(ParticipantRejection.ALREADY_STATUS_HOLDER,
                        "the participant is already a status holder since " + journey.residenceStatusSince());
            }
            notBeforeRegistration("grantedOn", grant.grantedOn(), journey);
            notBeforeStatusChange("grantedOn", grant.grantedOn(), journey);
            return List.of(new ResidencePermitGranted(id, grant.grantedOn()));
        }
        if (command instanceof Command.RejectAsylumApplication rejection) {
            if (journey.residenceStatus() == ResidenceStatus.STATUS_HOLDER) {
                throw new Rejected(ParticipantRejection.ALREADY_STATUS_HOLDER,
                        "the participant is a status holder since " + journey.residenceStatusSince());
            }
            if (journey.residenceStatus() == ResidenceStatus.REJECTED) {
                throw new Rejected(ParticipantRejection.ASYLUM_ALREADY_REJECTED,
                        "the asylum application was already rejected on " + journey.residenceStatusSince());
            }
            notBeforeRegistration("rejectedOn", rejection.rejectedOn(), journey);
            WorkEligibilityPolicy policy = policyOn(policies, rejection.rejectedOn(), "rejectedOn");
            return List.of(new AsylumApplicationRejected(id, rejection.rejectedOn(), rejection.rejectedOn().plus(policy.departureTerm())));
        }
        if (command instanceof Command.LeavePilot leave) {
            if (leave.leftOn().isBefore(journey.latestStepOn())) {
                throw new Rejected(ParticipantRejection.DATE_BEFORE_LATEST_STEP,
                        "leftOn", "lies before the last recorded step of the journey on " + journey.latestStepOn());
            }
            return List.of(new ParticipantLeftPilot(id, leave.reason(), leave.leftOn()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private static List<ParticipantEvent> register(Command.RegisterParticipant register, State state, WorkEligibilityPolicies policies) {
        if (!(state instanceof State.Unregistered)) {
            throw new Rejected(ParticipantRejection.ALREADY_REGISTERED, "the participant is already registered");
        }
        if (register.asylumApplicationDate().isAfter(register.registeredOn())) {
            throw new Rejected(ParticipantRejection.ASYLUM_APPLICATION_AFTER_REGISTRATION,
                    "asylumApplicationDate", "lies after the registration on " + register.registeredOn());
        }
        if (register.wDocumentValidUntil().isBefore(register.registeredOn())) {
            throw new Rejected(ParticipantRejection.W_DOCUMENT_EXPIRED, "wDocumentValidUntil",
                    "lies before the registration: the W-document must be valid on " + register.registeredOn());
        }
        if (!register.dateOfBirth().isBefore(register.asylumApplicationDate())) {
            throw new Rejected(ParticipantRejection.BIRTH_NOT_BEFORE_ASYLUM_APPLICATION,
                    "dateOfBirth", "must lie before the asylum application date");
        }
        policyOn(policies, register.registeredOn(), "registeredOn");
        LocalDate adultOn = register.dateOfBirth().plusYears(policies.inForceOn(register.registeredOn()).orElseThrow().minimumAge());
        EligibilityFacts facts = new EligibilityFacts(register.asylumApplicationDate(), register.asylumTrack(),
                register.wDocumentType(), register.wDocumentValidUntil(), adultOn);
        return List.of(new ParticipantRegistered(register.participantId(), register.registeredOn(), register.location(),
                register.asylumApplicationDate(), register.asylumTrack(),
                new WDocument(register.wDocumentType(), register.wDocumentValidUntil()), List.copyOf(register.languages()),
                policies.judge(facts, register.registeredOn())));
    }

    static State evolve(State state, ParticipantEvent event) {
        if (event instanceof ParticipantRegistered registered) {
            return new State.Active(new Journey(registered.participantId(), registered.registeredOn(), registered.location(),
                    registered.asylumApplicationDate(), registered.asylumTrack(), registered.wDocument(),
                    registered.languages(), registered.workEligibility(), null, List.of(),
                    null, ResidenceStatus.ASYLUM_SEEKER, registered.registeredOn(), null, null, registered.registeredOn()));
        }
        if (event instanceof ParticipantPersonalDataErased erased) {
            if (state instanceof State.Active active) {
                return new State.Active(active.journey().erasedOn(erased.erasedOn()));
            }
            if (state instanceof State.Left left) {
                return new State.Left(left.journey().erasedOn(erased.erasedOn()), left.reason(), left.leftOn());
            }
            return state;
        }
        if (!(state instanceof State.Active active)) {
            return state;
        }
        Journey journey = active.journey();
        if (event instanceof IntakeCompleted intake) {
            return new State.Active(journey.with(new Intake(intake.completedOn(), intake.sectorPreferences(),
                    intake.dutchLevel(), intake.englishLevel(), intake.workExperience()), intake.completedOn()));
        }
        if (event instanceof ActivityCompleted activity) {
            return new State.Active(journey.withActivity(new Activity(activity.activity(), activity.completedOn())));
        }
        if (event instanceof RelocatedByCOA relocated) {
            return new State.Active(journey.relocatedTo(relocated.toLocation(), relocated.relocatedOn()));
        }
        if (event instanceof ResidencePermitGranted granted) {
            return new State.Active(journey.withResidenceStatus(ResidenceStatus.STATUS_HOLDER, granted.grantedOn(), null));
        }
        if (event instanceof AsylumApplicationRejected rejected) {
            return new State.Active(journey.withResidenceStatus(ResidenceStatus.REJECTED, rejected.rejectedOn(), rejected.receptionEndsOn()));
        }
        if (event instanceof ParticipantLeftPilot left) {
            return new State.Left(journey, left.reason(), left.leftOn());
        }
        return state;
    }

    /**
     * Whether the participant may do paid work on a date, and why (not): a status holder may; after a
     * rejection, reception and with it permission end after the departure term; otherwise the period
     * judged at registration under the dated policies applies.
     */
    public static EligibilityVerdict workEligibilityOn(State state, LocalDate on, WorkEligibilityPolicies policies) {
        Journey journey = journeyOf(state);
        String policy = policies.inForceOn(on).map(WorkEligibilityPolicy::id).orElse(null);
        WorkEligibility window = journey.workEligibility();
        if (journey.residenceStatus() == ResidenceStatus.STATUS_HOLDER && !on.isBefore(journey.residenceStatusSince())) {
            return new EligibilityVerdict(on, true, window.from(), window.until(), policy,
                    List.of("status holder since " + journey.residenceStatusSince() + ": free access to paid work, no TWV required"));
        }
        List<String> reasons = new ArrayList<>();
        if (window.from() == null) {
            reasons.add(window.reason());
        } else if (on.isBefore(window.from())) {
            reasons.add("not yet: work is allowed from " + window.from());
        } else if (window.until() != null && on.isAfter(window.until())) {
            reasons.add("no longer: work was allowed until " + window.until());
        }
        if (journey.receptionEndsOn() != null && on.isAfter(journey.receptionEndsOn())) {
            reasons.add("reception ended on " + journey.receptionEndsOn() + " after the asylum application was rejected");
        }
        if (reasons.isEmpty()) {
            return new EligibilityVerdict(on, true, window.from(), window.until(), policy,
                    List.of("allowed from " + window.from() + (window.until() == null ? "" : " until " + window.until())));
        }
        return new EligibilityVerdict(on, false, window.from(), window.until(), policy, reasons);
    }

    /** The answer to "may this participant work on this date?". */
    public record EligibilityVerdict(LocalDate on, boolean eligible, LocalDate eligibleFrom, LocalDate eligibleUntil,
                                     String policyInForce, List<String> reasons) {}

    public static Journey journeyOf(State state) {
        if (state instanceof State.Active active) {
            return active.journey();
        }
        if (state instanceof State.Left left) {
            return left.journey();
        }
        throw new Rejected(ParticipantRejection.NOT_REGISTERED, "the participant is not registered");
    }

    private static Journey activeJourney(State state) {
        if (state instanceof State.Left left) {
            throw new Rejected(ParticipantRejection.PARTICIPANT_LEFT, "the participant left the pilot on " + left.leftOn());
        }
        return journeyOf(state);
    }

    private static void notBeforeRegistration(String field, LocalDate date, Journey journey) {
        if (date.isBefore(journey.registeredOn())) {
            throw new Rejected(ParticipantRejection.DATE_BEFORE_REGISTRATION,
                    field, "lies before the registration on " + journey.registeredOn());
        }
    }

    private static void notBeforeStatusChange(String field, LocalDate date, Journey journey) {
        if (journey.residenceStatus() != ResidenceStatus.ASYLUM_SEEKER && date.isBefore(journey.residenceStatusSince())) {
            throw new Rejected(ParticipantRejection.DATE_BEFORE_STATUS_CHANGE,
                    field, "lies before the previous status change on " + journey.residenceStatusSince());
        }
    }

    private static WorkEligibilityPolicy policyOn(WorkEligibilityPolicies policies, LocalDate date, String field) {
        return policies.inForceOn(date).orElseThrow(() -> new Rejected(ParticipantRejection.DATE_BEFORE_FIRST_POLICY,
                field, "lies before the first known work eligibility policy"));
    }
}
