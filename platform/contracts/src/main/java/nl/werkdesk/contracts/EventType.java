package nl.werkdesk.contracts;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One kind of integration event and the names it goes by: its stored type name (the record's simple
 * name, e.g. IntakeCompleted), its CloudEvents type (nl.werkdesk.participant.intake-completed), its
 * JSON Schema on the classpath and the URI that ce_dataschema carries.
 */
public record EventType(String context, Class<? extends IntegrationEvent> javaType, int schemaVersion) {

    public String name() {
        return javaType.getSimpleName();
    }

    private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern CAPITALS_THEN_WORD = Pattern.compile("([A-Z])([A-Z][a-z])");
    /**
     * Slugs by event class, made once: the relay names the type of every record it publishes, and String.replaceAll
     * would compile both patterns each time (the benchmarks' profile, bench/results).
     */
    private static final Map<Class<?>, String> SLUGS = new ConcurrentHashMap<>();

    /** Kebab case of the name: IntakeCompleted -> intake-completed, RelocatedByCOA -> relocated-by-coa. */
    public String slug() {
        return SLUGS.computeIfAbsent(javaType, type -> CAPITALS_THEN_WORD.matcher(
                LOWER_THEN_UPPER.matcher(type.getSimpleName()).replaceAll("$1-$2")).replaceAll("$1-$2").toLowerCase(Locale.ROOT));
    }

    public String cloudEventType() {
        return "nl.werkdesk." + context + "." + slug();
    }

    /** The JSON Schema (draft 2020-12) of this event's data, as a classpath resource. */
    public String schemaResource() {
        return "schemas/" + context + "/" + slug() + ".v" + schemaVersion + ".json";
    }

    /** The schema's $id, also sent as ce_dataschema. */
    public URI dataSchema() {
        return URI.create("urn:nld:werkdesk:schema:" + context + ":" + slug() + ":v" + schemaVersion);
    }
}
