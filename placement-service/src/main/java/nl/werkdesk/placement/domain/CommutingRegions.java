package nl.werkdesk.placement.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which commuting region each known place lies in: reception locations (azc) and job locations alike. A
 * participant who lives in the job's region can keep commuting to it; an unknown place counts as outside
 * every region, so that a relocation nobody thought of is looked at rather than missed.
 */
public final class CommutingRegions {

    private final Map<String, String> regionByLocation = new HashMap<>();

    /** @param locationsByRegion per region, the places in it; a place may belong to one region only */
    public CommutingRegions(Map<String, List<String>> locationsByRegion) {
        locationsByRegion.forEach((region, locations) -> locations.forEach(location -> {
            String earlier = regionByLocation.put(normalise(location), region);
            if (earlier != null && !earlier.equals(region)) {
                throw new IllegalArgumentException(location + " is listed in two commuting regions: " + earlier + " and " + region);
            }
        }));
    }

    public Optional<String> regionOf(String location) {
        return location == null ? Optional.empty() : Optional.ofNullable(regionByLocation.get(normalise(location)));
    }

    /** True only when both places are known and lie in the same region. */
    public boolean withinOneRegion(String home, String job) {
        Optional<String> homeRegion = regionOf(home);
        return homeRegion.isPresent() && homeRegion.equals(regionOf(job));
    }

    private static String normalise(String location) {
        return location.trim().toLowerCase(Locale.ROOT);
    }
}
