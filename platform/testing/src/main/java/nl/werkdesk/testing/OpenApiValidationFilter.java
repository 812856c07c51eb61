package nl.werkdesk.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every response a RestAssured test receives against the OpenAPI document of the service that sent it
 * ({@link OpenApiContract}): a response that breaks it fails the test that received it, before the test's own
 * assertions. The outermost filter, so that it sees the response as the test does.
 */
public final class OpenApiValidationFilter implements OrderedFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpecification,
                           FilterContext context) {
        Response response = context.next(request, responseSpecification);
        URI uri = URI.create(request.getURI());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        OpenApiContract.ofServer(uri).assertValid(new OpenApiContract.Exchange(request.getMethod(), uri.getRawPath(),
                request.getContentType(), text(request.getBody()), response.getStatusCode(), headers, response.asString()));
        return response;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static String text(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON to check it", e);
        }
    }
}
