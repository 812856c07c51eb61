package nl.werkdesk.local.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * Every step of a scenario, drawn from its data file and seed: what {@link ScenarioPlayer} sends to the services.
 * Indexes refer to the lists of this plan (employers, vacancies, job fairs).
 */
public record Plan(
        String name,
        String title,
        String runKey,
        LocalDate asOf,
        List<Budget> budget,
        List<Booking> bookings,
        List<Employer> employers,
        List<Vacancy> vacancies,
        List<Fair> fairs,
        List<Participant> participants) {

    public record Budget(int phase, long amountCents, LocalDate allocatedOn) {
    }

    public record Booking(String category, String location, long amountCents, LocalDate bookedOn) {
    }

    public record Employer(int index, String tradeName, String kvkNumber, String sector, boolean temporaryEmploymentAgency,
            boolean twvIntermediary, LocalDate registeredOn) {
    }

    public record Vacancy(int index, int employer, String title, String sector, int hoursPerWeek, long hourlyWageCents,
            String place, LocalDate openedOn) {
    }

    public record Fair(int index, LocalDate heldOn, String location, List<Integer> employers) {
    }

    /** An activity; a job fair names the fair and the employer met there. */
    public record Activity(String type, LocalDate completedOn, Integer fair, Integer employer) {
    }

    /** A TWV request: decided (granted or refused with a reason) or still waiting. */
    public record Twv(int vacancy, LocalDate requestedOn, LocalDate startDate, LocalDate completedOn, LocalDate decidedOn,
            boolean granted, String refusalReason) {

        public boolean decided() {
            return decidedOn != null;
        }
    }

    /**
     * A placement at its vacancy's hours and wage; changed on the given dates; ended (with a reason) or not; lost to COA
     * relocation when relocatedTo is set.
     */
    public record Placement(int vacancy, LocalDate startedOn, String contractType, LocalDate endedOn, String endReason,
            LocalDate relocatedOn, String relocatedTo, List<Change> changes) {
    }

    /** New hours or wage of a placement from a date on. */
    public record Change(LocalDate changedOn, int hoursPerWeek, long hourlyWageCents) {
    }

    public record Participant(int index, String location, LocalDate registeredOn, LocalDate asylumApplicationDate,
            String wDocumentType, LocalDate wDocumentValidUntil, LocalDate dateOfBirth, String nationality, String vNumber,
            String fullName, List<String> languages, LocalDate intakeOn, List<String> sectorPreferences,
            List<Activity> activities, LocalDate residencePermitOn, List<Twv> twvs, Placement placement) {
    }
}
