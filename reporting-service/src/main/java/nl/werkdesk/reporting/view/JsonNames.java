package nl.werkdesk.reporting.view;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The name an enumeration value has in the contracts' JSON (home-care, relocated-by-coa), as the facts store it. */
public final class JsonNames {

    private JsonNames() {
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return null;
        }
        try {
            JsonProperty property = value.getDeclaringClass().getField(value.name()).getAnnotation(JsonProperty.class);
            return property == null ? value.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("no constant " + value.name(), e);
        }
    }
}
