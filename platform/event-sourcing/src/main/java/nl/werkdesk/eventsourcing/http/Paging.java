package nl.werkdesk.eventsourcing.http;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/**
 * Paging for every list query: the {@code page} (from 1) and {@code pageSize} query parameters, read as text so that a
 * bad value is a 400 naming it, and one page of a Panache query with the total count. The query's order (a Panache
 * Sort, ending on the id so that pages never overlap) is the caller's.
 *
 * <pre>{@code
 * Paging paging = Paging.of(page, pageSize);
 * return paging.list(EmployerSummary.find(query, Sort.by("tradeName").and("employerId"), parameters), EmployerResource::item);
 * }</pre>
 */
public record Paging(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Far beyond any list the pilot has: a bound, so that an absurd page number is a 400 and not a slow query. */
    public static final int MAX_PAGE = 100_000;

    /** Page 1 and {@value #DEFAULT_PAGE_SIZE} items when left out; the described parameters of every list operation. */
    public static Paging of(String page, String pageSize) {
        return new Paging(QueryParameters.integer("page", page, 1, 1, MAX_PAGE),
                QueryParameters.integer("pageSize", pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
    }

    /** This page of the query's rows, each turned into an item. */
    public <E, T> Uni<Page<T>> list(PanacheQuery<E> query, Function<E, T> item) {
        return listAll(query, rows -> Uni.createFrom().item(rows.stream().map(item).toList()));
    }

    /** This page of the query's rows, turned into items all at once (to look up what they refer to in one query). */
    public <E, T> Uni<Page<T>> listAll(PanacheQuery<E> query, Function<List<E>, Uni<List<T>>> items) {
        PanacheQuery<E> paged = query.page(io.quarkus.panache.common.Page.of(page - 1, pageSize));
        return paged.<E>list().chain(items::apply).chain(found -> paged.count().map(total -> of(found, total)));
    }

    /** A page of items found some other way, with the total count they are a page of. */
    public <T> Page<T> of(List<T> items, long totalItems) {
        return new Page<>(items, page, pageSize, totalItems, totalPages(totalItems));
    }

    public int totalPages(long totalItems) {
        return (int) ((totalItems + pageSize - 1) / pageSize);
    }
}
