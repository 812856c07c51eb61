package nl.werkdesk.contracts.participant;

import nl.werkdesk.contracts.Sector;

/** Years of work experience in a sector, as told at the intake. */
public record WorkExperience(Sector sector, int years) {
}
