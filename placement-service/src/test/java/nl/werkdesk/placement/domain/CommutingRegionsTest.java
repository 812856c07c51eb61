package nl.werkdesk.placement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommutingRegionsTest {

    static final CommutingRegions REGIONS = new CommutingRegions(Map.of(
            "groot-amsterdam", List.of("Willinklaan", "Kabelweg", "Amstelveen"),
            "groningen-drenthe", List.of("Ter Apel", "Groningen")));

    @Test
    void placesInOneRegionAreWithinCommutingDistance() {
        assertTrue(REGIONS.withinOneRegion("Kabelweg", "Amstelveen"));
        assertTrue(REGIONS.withinOneRegion("Willinklaan", "Willinklaan"));
    }

    @Test
    void placesInDifferentRegionsAreNot() {
        assertFalse(REGIONS.withinOneRegion("Ter Apel", "Amstelveen"));
    }

    @Test
    void anUnknownPlaceCountsAsOutsideEveryRegion() {
        assertFalse(REGIONS.withinOneRegion("Budel", "Amstelveen"));
        assertFalse(REGIONS.withinOneRegion("Kabelweg", "Lelystad"));
        assertFalse(REGIONS.withinOneRegion("Lelystad", "Lelystad"));
        assertEquals(Optional.empty(), REGIONS.regionOf(null));
    }

    @Test
    void matchesPlacesRegardlessOfCaseAndSurroundingSpaces() {
        assertEquals(Optional.of("groningen-drenthe"), REGIONS.regionOf("  ter apel "));
    }

    @Test
    void refusesAPlaceListedInTwoRegions() {
        assertThrows(IllegalArgumentException.class, () -> new CommutingRegions(Map.of(
                "a", List.of("Diemen"), "b", List.of("diemen"))));
    }
}
