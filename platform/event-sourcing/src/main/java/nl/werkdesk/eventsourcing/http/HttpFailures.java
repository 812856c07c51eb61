package nl.werkdesk.eventsourcing.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over the size limit is refused before it reaches a resource, and, like every other refusal, with
 * problem details (Quarkus itself would answer with an empty 413).
 */
@ApplicationScoped
public class HttpFailures {

    private final long maxBodySize;
    private final String apiVersion;

    HttpFailures(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                 @ConfigProperty(name = "werkdesk.api-version") String apiVersion) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.apiVersion = apiVersion;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBodies);
    }

    private void refuseOversizedBodies(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            Problem problem = new Problem("urn:nld:werkdesk:problem:too-large", "Request too large", 413,
                    "The request body is larger than this API accepts (" + maxBodySize / 1024 + " KiB)", context.request().path(), null);
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader("API-Version", apiVersion)
                    .end(Json.encode(problem));
            return;
        }
        context.next();
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
