package nl.werkdesk.reliability;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bad request bodies generated from an operation's request schema: a body that satisfies the schema with one field
 * made missing, null, wrongly typed, oversized, out of range or hostile. Each names the field the refusal must name.
 */
final class Inputs {

    /** Values an attacker tries in a typed field (date, UUID, enum, number): each must be refused as that field's type. */
    static final List<String> HOSTILE = List.of("'; DROP TABLE events; --", "\" OR \"1\"=\"1", "<script>alert(1)</script>",
            "../../../../etc/passwd", "${jndi:ldap://127.0.0.1:1/a}", "#{7*7}", "\u0000", "\uD83D\uDE00\u202E", "%00%0d%0a");

    /** A bad body and the field a refusal must name. */
    record Input(String description, String field, String body) {
    }

    private final OpenApi api;
    private final JsonNode schema;
    private final ObjectNode base;
    private final List<Input> inputs = new ArrayList<>();

    private Inputs(OpenApi api, JsonNode schema) {
        this.api = api;
        this.schema = api.resolve(schema);
        this.base = (ObjectNode) api.valid(this.schema);
    }

    static List<Input> forSchema(OpenApi api, JsonNode schema) {
        Inputs generator = new Inputs(api, schema);
        generator.object("", generator.schema);
        return generator.inputs;
    }

    ObjectNode base() {
        return base;
    }

    private void object(String prefix, JsonNode objectSchema) {
        List<String> required = OpenApi.required(objectSchema);
        objectSchema.path("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            JsonNode fieldSchema = api.resolve(property.getValue());
            if (required.contains(property.getKey())) {
                add("missing", path, null, true);
                add("null", path, OpenApi.NODES.nullNode(), false);
            }
            field(path, fieldSchema);
            if (OpenApi.type(fieldSchema).equals("object") && fieldSchema.has("properties") && required.contains(property.getKey())) {
                object(path + ".", fieldSchema);
            }
        });
    }

    private void field(String path, JsonNode s) {
        String type = OpenApi.type(s);
        String format = s.path("format").asText("");
        boolean uuid = format.equals("uuid") || s.path("pattern").asText("").startsWith("[a-fA-F0-9]{8}");
        if (s.has("enum")) {
            add("not one of the values", path, OpenApi.NODES.textNode("no-such-value"), false);
            add("a number instead of the value", path, OpenApi.NODES.numberNode(1), false);
            hostile(path);
            return;
        }
        switch (type) {
            case "object" -> {
                add("a string instead of an object", path, OpenApi.NODES.textNode("not-an-object"), false);
                add("an array instead of an object", path, OpenApi.NODES.arrayNode(), false);
            }
            case "array" -> {
                add("a string instead of an array", path, OpenApi.NODES.textNode("not-an-array"), false);
                add("an object instead of an array", path, OpenApi.NODES.objectNode(), false);
                ArrayNode withNull = OpenApi.NODES.arrayNode();
                withNull.addNull();
                add("an array with a null element", path, withNull, false);
                if (s.has("maxItems") && !s.path("uniqueItems").asBoolean(false)) {
                    ArrayNode tooMany = OpenApi.NODES.arrayNode();
                    for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                        tooMany.add(api.valid(s.path("items")));
                    }
                    add("more than " + s.get("maxItems") + " items", path, tooMany, false);
                }
                JsonNode items = api.resolve(s.path("items"));
                if (!OpenApi.type(items).equals("object")) {
                    ArrayNode wrongItem = OpenApi.NODES.arrayNode();
                    wrongItem.add(OpenApi.NODES.objectNode());
                    add("an object as element", path, wrongItem, false);
                }
            }
            case "integer", "number" -> {
                add("a word instead of a number", path, OpenApi.NODES.textNode("twelve"), false);
                add("a boolean instead of a number", path, OpenApi.NODES.booleanNode(true), false);
                add("a number beyond 64 bits", path, OpenApi.NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), false);
                if (type.equals("integer")) {
                    add("a fraction instead of a whole number", path, OpenApi.NODES.numberNode(1.5), false);
                }
                if (s.has("minimum")) {
                    add("below the minimum", path, OpenApi.NODES.numberNode(s.get("minimum").asLong() - 1), false);
                }
                if (s.has("maximum")) {
                    add("above the maximum", path, OpenApi.NODES.numberNode(s.get("maximum").asLong() + 1), false);
                }
                hostile(path);
            }
            case "boolean" -> {
                add("a word instead of true or false", path, OpenApi.NODES.textNode("perhaps"), false);
                add("a number instead of true or false", path, OpenApi.NODES.numberNode(2), false);
            }
            default -> {
                add("an object instead of a string", path, OpenApi.NODES.objectNode(), false);
                add("an array instead of a string", path, OpenApi.NODES.arrayNode().add("x"), false);
                if (format.equals("date")) {
                    add("a day that does not exist", path, OpenApi.NODES.textNode("2025-02-30"), false);
                    add("a Dutch-style date", path, OpenApi.NODES.textNode("03-03-2025"), false);
                    add("a date with a time", path, OpenApi.NODES.textNode("2025-03-03T10:00:00Z"), false);
                    hostile(path);
                } else if (uuid) {
                    add("not a UUID", path, OpenApi.NODES.textNode("not-a-uuid"), false);
                    add("a UUID with a trailing character", path, OpenApi.NODES.textNode(java.util.UUID.randomUUID() + "0"), false);
                    hostile(path);
                } else {
                    if (s.has("maxLength")) {
                        add("longer than " + s.get("maxLength") + " characters", path,
                                OpenApi.NODES.textNode("x".repeat(s.get("maxLength").asInt() + 1)), false);
                    }
                    String pattern = s.path("pattern").asText("");
                    if (!pattern.isEmpty()) {
                        add("blank", path, OpenApi.NODES.textNode("   "), false);
                    }
                    if (!pattern.isEmpty() && !pattern.equals("\\S") && !pattern.equals(".*\\S.*")) {
                        hostile(path);
                    }
                }
            }
        }
    }

    private void hostile(String path) {
        for (String value : HOSTILE) {
            add("hostile " + printable(value), path, OpenApi.NODES.textNode(value), false);
        }
    }

    private void add(String description, String path, JsonNode value, boolean remove) {
        ObjectNode body = base.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        if (remove) {
            parent.remove(parts[parts.length - 1]);
        } else {
            parent.set(parts[parts.length - 1], value);
        }
        inputs.add(new Input(path + ": " + description, path, body.toString()));
    }

    static String printable(String value) {
        StringBuilder printable = new StringBuilder();
        value.codePoints().forEach(c -> printable.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return printable.toString();
    }
}
