package nl.werkdesk.employer.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.eventsourcing.http.QueryParameters;

/** The {@code sector} filter of the employer and vacancy lists: a sector as JSON names it (home-care); a bad value is a 400 naming it. */
final class SectorParameter {

    private static final Map<String, Sector> SECTORS = Arrays.stream(Sector.values())
            .collect(Collectors.toMap(SectorParameter::jsonName, Function.identity()));

    private SectorParameter() {
    }

    /** The sector, or null when absent. */
    static Sector of(String value) {
        String name = QueryParameters.oneOf("sector", value, SECTORS.keySet());
        return name == null ? null : SECTORS.get(name);
    }

    private static String jsonName(Sector sector) {
        try {
            return Sector.class.getField(sector.name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
