package nl.werkdesk.eventsourcing.http;

import java.util.OptionalLong;

/** ETag = stream version, as a strong entity tag: "3". */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; empty when absent or "*". */
    public static OptionalLong parseIfMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new InvalidParameter("If-Match", "must be an ETag this API returned, such as \"3\"");
            }
            return OptionalLong.of(version);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("If-Match", "must be an ETag this API returned, such as \"3\"");
        }
    }
}
