package nl.werkdesk.employer.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** That an employer took part in a job fair, kept by {@link JobFairProjection}. */
@Entity
@Table(name = "job_fair_employers")
@IdClass(JobFairEmployer.Key.class)
public class JobFairEmployer extends PanacheEntityBase {

    @Id
    @Column(name = "job_fair_id")
    public UUID jobFairId;

    @Id
    @Column(name = "employer_id")
    public UUID employerId;

    /** The composite key: one row per fair and employer. */
    public static class Key implements Serializable {

        public UUID jobFairId;
        public UUID employerId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(jobFairId, key.jobFairId) && Objects.equals(employerId, key.employerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobFairId, employerId);
        }
    }
}
