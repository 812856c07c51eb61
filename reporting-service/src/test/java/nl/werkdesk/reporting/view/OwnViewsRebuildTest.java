package nl.werkdesk.reporting.view;

import static nl.werkdesk.reporting.Api.LEDGER;
import static nl.werkdesk.reporting.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.ViewRebuild;
import nl.werkdesk.eventsourcing.http.Roles;
import nl.werkdesk.reporting.Api;
import nl.werkdesk.reporting.MicrodataCohort;
import nl.werkdesk.reporting.TestResources;
import nl.werkdesk.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * reporting-service's own views are disposable: the views its inline projections keep from its own event store (the accounts
 * of the researcher's exports; the programme ledger has none, the metrics' facts are rebuilt from the topics by
 * {@link ProjectionRebuildTest}) come back row for row from the store alone, and commands decide as they did before.
 */
@QuarkusTest
class OwnViewsRebuildTest {

    static final String EXPORTS = "/api/v1/microdata-exports";
    static final String PROBLEM = "urn:nld:werkdesk:problem:";

    @Inject
    ViewRebuild views;

    @Test
    void rebuildsTheExportsAccountsFromTheStoreAndDecidesAsBefore() throws SQLException {
        MicrodataCohort cohort = new MicrodataCohort().publish();
        // A varied history: exports in both formats, one repeated with its key, one of another scope; the ledger's every
        // command and a refusal.
        String key = UUID.randomUUID().toString();
        Response keyed = exported(cohort.location, "application/json", "2025-10-31", key);
        exported(cohort.location, "application/json", "2025-10-31", key);
        exported(cohort.location, "text/csv", "2025-05-01", null);
        exported(null, "text/csv", "2025-10-31", null);
        post("/budget-allocations", Map.of("phase", 1, "amountCents", 1_000, "allocatedOn", "2025-02-01"));
        String bookingId = post("/expenditures", Map.of("category", "training", "amountCents", 500, "bookedOn", "2025-03-01"))
                .path("latestChange.id");
        post("/expenditures/" + bookingId + "/corrections", Map.of("amountCents", -200, "correctedOn", "2025-03-02"));
        as(Roles.FINANCE).body(Map.of("amountCents", -301, "correctedOn", "2025-03-03"))
                .post(LEDGER + "/expenditures/" + bookingId + "/corrections").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "booking-below-zero"));
        List<String> before = rows();
        assertTrue(before.size() >= 3, "the history has accounts to rebuild: " + before.size());
        String listed = as(Roles.OPERATOR).get(EXPORTS).then().statusCode(200).extract().asString();

        execute("DELETE FROM microdata_exports");
        assertEquals(List.of(), rows());
        long applied = replayAll();

        assertEquals(before, rows(), "every row as it was");
        assertTrue(applied >= before.size() + 3, "every stored event was replayed: " + applied);
        assertEquals(listed, as(Roles.OPERATOR).get(EXPORTS).then().statusCode(200).extract().asString(), "the operator's list");

        Response again = exported(cohort.location, "application/json", "2025-10-31", key);
        assertEquals("true", again.header("Idempotent-Replayed"), "the repeat is the same export");
        assertEquals(keyed.header("Export-Id"), again.header("Export-Id"));
        export(cohort.location, "application/json", "2025-10-30", key).then().statusCode(422);
        assertEquals(before.size(), rows().size(), "nothing recorded by a repeat");
        as(Roles.FINANCE).body(Map.of("amountCents", -301, "correctedOn", "2025-03-03"))
                .post(LEDGER + "/expenditures/" + bookingId + "/corrections").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "booking-below-zero"));
        post("/expenditures/" + bookingId + "/corrections", Map.of("amountCents", -300, "correctedOn", "2025-03-03"))
                .then().body("bookings.find { it.bookingId == '" + bookingId + "' }.amountCents", equalTo(0));
        Response fresh = exported(cohort.location, "text/csv", "2025-10-31", null);
        assertEquals(before.size() + 1, rows().size(), "a new export, a new account");
        as(Roles.OPERATOR).get(EXPORTS + "/" + fresh.header("Export-Id")).then().statusCode(200).body("format", equalTo("csv"));
    }

    private static Response export(String location, String accept, String asOf, String key) {
        var request = Api.as(Roles.RESEARCHER).accept(accept).queryParam("asOf", asOf);
        if (location != null) {
            request.queryParam("location", location);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.get(Api.MICRODATA).then().extract().response();
    }

    private static Response exported(String location, String accept, String asOf, String key) {
        Response response = export(location, accept, asOf, key);
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }

    /** ViewRebuild on a Vert.x context, as the kernel's transactions need. */
    private long replayAll() {
        try {
            return VertxContextSupport.subscribeAndAwait(views::replayAll);
        } catch (Throwable failure) {
            throw new AssertionError("the view rebuild failed", failure);
        }
    }

    private static Response post(String path, Map<String, ?> body) {
        return as(Roles.FINANCE).body(body).post(LEDGER + path).then().statusCode(200).extract().response();
    }

    /** Every row of the view, every column, in the order of the export ids. */
    private static List<String> rows() throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE);
             ResultSet found = connection.createStatement().executeQuery("SELECT * FROM microdata_exports ORDER BY export_id")) {
            ResultSetMetaData columns = found.getMetaData();
            List<String> rows = new ArrayList<>();
            while (found.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.append(columns.getColumnName(column)).append('=').append(found.getString(column)).append(';');
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(TestResources.DATABASE)) {
            connection.createStatement().executeUpdate(sql);
        }
    }
}
