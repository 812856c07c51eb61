package nl.werkdesk.eventsourcing.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads query parameters that came in as text, so that a malformed value is a 400 naming the parameter
 * (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new InvalidParameter(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, "must be a whole number between " + min + " and " + max);
        }
    }

    public static LocalDate date(String name, String value, LocalDate defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be a date (yyyy-mm-dd)");
        }
    }

    /** Empty (null) when absent: the filter is not applied. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameter(name, "must be true or false");
        };
    }

    /** A UUID, or null when absent (the filter is not applied). */
    public static java.util.UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, "must be a UUID");
        }
    }

    /** One of the allowed values, or null when absent. */
    public static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value.trim())) {
            throw new InvalidParameter(name, "must be one of " + allowed.stream().sorted().toList());
        }
        return value.trim();
    }
}
