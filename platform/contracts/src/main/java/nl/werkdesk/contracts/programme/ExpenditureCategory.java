package nl.werkdesk.contracts.programme;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the pilot spends money on. */
public enum ExpenditureCategory {
    @JsonProperty("werkdesk-staff") WERKDESK_STAFF,
    @JsonProperty("training") TRAINING,
    @JsonProperty("intermediary-fees") INTERMEDIARY_FEES,
    @JsonProperty("job-fairs") JOB_FAIRS,
    @JsonProperty("language-courses") LANGUAGE_COURSES,
    @JsonProperty("other") OTHER
}
