package nl.werkdesk.contracts.participant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the Werkdesk offers besides the intake: sollicitatietraining, cv-hulp, banenmarkt. */
public enum ActivityType {
    @JsonProperty("application-training") APPLICATION_TRAINING,
    @JsonProperty("cv-help") CV_HELP,
    @JsonProperty("job-fair") JOB_FAIR
}
