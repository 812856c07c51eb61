package nl.werkdesk.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change to a published JSON Schema breaks for the consumers that read the previous version: a property that
 * is gone, a property of another type (type, format, or enum instead of a type, nullability included), a property
 * that is required now and was not. Objects and array items are compared all the way down.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** Every break, as "path: what", empty when {@code current} can replace {@code previous} on the same topic. */
    static List<String> breaks(JsonNode previous, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        compare("", previous, current, breaks);
        return breaks;
    }

    private static void compare(String path, JsonNode previous, JsonNode current, List<String> breaks) {
        String before = signature(previous);
        String after = signature(current);
        if (!before.equals(after)) {
            breaks.add(where(path) + ": retyped from " + before + " to " + after);
            return;
        }
        Set<String> requiredBefore = names(previous.path("required"));
        for (String required : names(current.path("required"))) {
            if (!requiredBefore.contains(required)) {
                breaks.add(where(path + "." + required) + ": newly required");
            }
        }
        JsonNode properties = current.path("properties");
        previous.path("properties").fieldNames().forEachRemaining(name -> {
            if (!properties.has(name)) {
                breaks.add(where(path + "." + name) + ": removed");
            } else {
                compare(path + "." + name, previous.path("properties").path(name), properties.path(name), breaks);
            }
        });
        if (previous.has("items")) {
            compare(path + "[]", previous.path("items"), current.path("items"), breaks);
        }
    }

    /** The shape a consumer reads: its types (in any order), its format, or "enum" or a reference. */
    private static String signature(JsonNode schema) {
        if (schema.has("$ref")) {
            return "$ref " + schema.path("$ref").asText();
        }
        if (schema.has("enum") && !schema.has("type")) {
            return "enum";
        }
        Set<String> types = new TreeSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(type -> types.add(type.asText()));
        } else if (schema.has("type")) {
            types.add(schema.path("type").asText());
        }
        return types + (schema.has("format") ? " " + schema.path("format").asText() : "");
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static String where(String path) {
        return path.isEmpty() ? "the event" : path.substring(1);
    }
}
