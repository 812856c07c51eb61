package nl.werkdesk.reporting.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The name an enumeration value has in the contracts' JSON (home-care, relocated-by-coa), as the facts store it. */
public final class JsonNames {

    /**
     * Looked up once per constant: the spend figure asks for every booking and category, and the reflective lookup was on
     * 3 % of reporting-service's samples in the evaluation's reads. Bounded by the number of enumeration constants.
     */
    private static final Map<Enum<?>, String> NAMES = new ConcurrentHashMap<>();

    private JsonNames() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : NAMES.computeIfAbsent(value, JsonNames::lookUp);
    }

    private static String lookUp(Enum<?> value) {
        try {
            JsonProperty property = value.getDeclaringClass().getField(value.name()).getAnnotation(JsonProperty.class);
            return property == null ? value.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("no constant " + value.name(), e);
        }
    }
}
