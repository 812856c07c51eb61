package nl.werkdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pilot-end report of a running stack as a file: reporting-service's GET /api/v1/evaluation/report with an analyst
 * token, written under .werkdesk/reports/ (werkdesk-report-2025-10-16[-LOCATION][-phase-N].html), ready to open or print.
 */
final class Reports {

    static final String FOLDER = "reports";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Reports() {
    }

    /** Fetches the report and writes it; a {@link Stack.Failure} with the service's reason when it refuses. */
    static Path write(Settings settings, DevKeys keys, LocalDate asOf, String location, Integer phase) {
        StringBuilder query = new StringBuilder("asOf=").append(asOf);
        StringBuilder name = new StringBuilder("werkdesk-report-").append(asOf);
        if (location != null) {
            query.append("&location=").append(URLEncoder.encode(location, StandardCharsets.UTF_8));
            name.append('-').append(location.replaceAll("[^A-Za-z0-9]+", "_"));
        }
        if (phase != null) {
            query.append("&phase=").append(phase);
            name.append("-phase-").append(phase);
        }
        Settings.Service reporting = settings.services().get(settings.services().size() - 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(reporting.uri() + "/api/v1/evaluation/report?" + query))
                .timeout(TIMEOUT).header("Accept", "text/html").header("Authorization", "Bearer " + keys.token("analyst")).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Stack.Failure("Cannot reach reporting-service at " + reporting.uri() + " (" + e.getMessage() + "); is Werkdesk running?"
                    + " ./werkdesk up --detach starts it.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stack.Failure("Interrupted while fetching the report");
        }
        if (response.statusCode() != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Matcher detail = DETAIL.matcher(body);
            throw new Stack.Failure("reporting-service refused the report (" + response.statusCode() + "): "
                    + (detail.find() ? detail.group(1) : body));
        }
        Path file = settings.home().resolve(FOLDER).resolve(name + ".html");
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "report", ".tmp");
            Files.write(written, response.body());
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }
}
