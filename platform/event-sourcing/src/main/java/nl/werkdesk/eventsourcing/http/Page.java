package nl.werkdesk.eventsourcing.http;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: its items, where it is, and how many there are in all. */
@Schema(description = "One page of a list, with the number of items and pages in all")
public record Page<T>(List<T> items,
                      @Schema(description = "The page number, from 1") int page,
                      @Schema(description = "Items per page") int pageSize,
                      @Schema(description = "Items on all pages together") long totalItems,
                      @Schema(description = "Pages in all") int totalPages) {
}
