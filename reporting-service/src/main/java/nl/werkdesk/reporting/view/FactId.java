package nl.werkdesk.reporting.view;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of every fact row: the generation of the projections it belongs to, and the id of what it is about. */
public class FactId implements Serializable {

    public int generation;
    public UUID id;

    public FactId() {
    }

    public FactId(int generation, UUID id) {
        this.generation = generation;
        this.id = id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FactId that && generation == that.generation && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(generation, id);
    }
}
