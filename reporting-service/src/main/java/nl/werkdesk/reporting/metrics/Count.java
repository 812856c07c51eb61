package nl.werkdesk.reporting.metrics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A count in a breakdown: a number, or "&lt;5" when suppressed; the real value never leaves the service then. Its
 * schema is in META-INF/openapi.yaml: a number or a text, which no Java type says.
 */
@Schema(ref = "SuppressibleCount")
public final class Count {

    private final long value;
    private final String shown;

    private Count(long value, String shown) {
        this.value = value;
        this.shown = shown;
    }

    public static Count exact(long value) {
        return new Count(value, null);
    }

    static Count suppressed(long value, String shown) {
        return new Count(value, shown);
    }

    public boolean suppressed() {
        return shown != null;
    }

    /** The real count, for computations inside the service only. */
    long value() {
        return value;
    }

    @JsonValue
    public Object json() {
        return suppressed() ? shown : (Object) value;
    }

    /** As a spreadsheet cell. */
    public String text() {
        return suppressed() ? shown : Long.toString(value);
    }

    /** Equal counts: the same value shown the same way (two ways of computing a figure are compared by them). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Count count && count.value == value && Objects.equals(count.shown, shown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, shown);
    }

    @Override
    public String toString() {
        return text();
    }
}
