package nl.werkdesk.participant.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.werkdesk.contracts.participant.AsylumTrack;
import nl.werkdesk.contracts.participant.WDocumentType;
import nl.werkdesk.participant.domain.Participant.Command.RegisterParticipant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Enrol an asylum seeker in the pilot at a reception location")
public record RegisterParticipantRequest(
        @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day of enrolment at the Werkdesk")
        LocalDate registeredOn,
        @NotBlank @Size(max = 100) @Schema(description = "Reception location (azc), one of the pilot's locations", examples = "Willinklaan")
        String location,
        @NotNull @PastOrPresent(message = Messages.NOT_IN_FUTURE) @Schema(description = "The day the asylum application was filed at the IND")
        LocalDate asylumApplicationDate,
        @Schema(description = "Procedure track of the asylum application; regular when left out")
        AsylumTrack asylumTrack,
        @NotNull @Schema(description = "W for a W-document, W2 for a Dublin claimant")
        WDocumentType wDocumentType,
        @NotNull @Schema(description = "Last day the W-document is valid")
        LocalDate wDocumentValidUntil,
        @NotNull @Size(max = 20) @Schema(description = "Languages spoken, as ISO 639 codes", examples = "[\"ar\", \"en\"]")
        List<@NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as ar or tir") String> languages,
        @NotNull @Valid @Schema(description = "Personal data: kept only in the participant service, never published")
        PersonalDataRequest personalData) {

    RegisterParticipant toCommand(UUID participantId) {
        return new RegisterParticipant(participantId, registeredOn, location.trim(), asylumApplicationDate,
                asylumTrack == null ? AsylumTrack.REGULAR : asylumTrack, wDocumentType, wDocumentValidUntil,
                languages.stream().distinct().toList(), personalData.dateOfBirth());
    }

    @Schema(name = "PersonalData", description = "Personal data of a participant")
    public record PersonalDataRequest(
            @NotBlank @Size(max = 200) String fullName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 country code such as SYR") String nationality,
            @NotNull @Pattern(regexp = "[0-9]{10}", message = "must be the 10 digits of a V-number") String vNumber,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,28}", message = "must be a phone number such as +31 6 12345678") String phone) {
    }
}
