package nl.werkdesk.employer.rest;

import io.quarkus.panache.common.Page;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.werkdesk.contracts.Sector;
import nl.werkdesk.eventsourcing.http.QueryParameters;

/** Paging and the filters the list queries share, read from query parameters (a bad value is a 400 naming it). */
record Listing(int page, int pageSize) {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    private static final Map<String, Sector> SECTORS = Arrays.stream(Sector.values())
            .collect(Collectors.toMap(Listing::jsonName, Function.identity()));

    static Listing of(String page, String pageSize) {
        return new Listing(QueryParameters.integer("page", page, 1, 1, MAX_PAGE),
                QueryParameters.integer("pageSize", pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
    }

    Page panachePage() {
        return Page.of(page - 1, pageSize);
    }

    int totalPages(long totalItems) {
        return (int) ((totalItems + pageSize - 1) / pageSize);
    }

    /** A sector as JSON names it (home-care), or null when absent. */
    static Sector sector(String value) {
        String name = QueryParameters.oneOf("sector", value, SECTORS.keySet());
        return name == null ? null : SECTORS.get(name);
    }

    private static String jsonName(Sector sector) {
        try {
            return Sector.class.getField(sector.name()).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
