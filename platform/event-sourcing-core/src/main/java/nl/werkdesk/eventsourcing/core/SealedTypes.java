package nl.werkdesk.eventsourcing.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The concrete types a sealed interface permits, nested interfaces included. A decider written as an instanceof ladder
 * compiles when a branch is missing; a test that plays an example of every permitted type catches it:
 * {@code SealedTypes.assertEveryTypeHasAnExample(Command.class, examples)}.
 */
public final class SealedTypes {

    private SealedTypes() {
    }

    /** Every concrete class (record, final or non-sealed class) below {@code root}. */
    public static List<Class<?>> concreteTypes(Class<?> root) {
        if (!root.isSealed()) {
            throw new IllegalArgumentException(root.getName() + " is not sealed");
        }
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> permitted : root.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                found.addAll(concreteTypes(permitted));
            } else {
                found.add(permitted);
            }
        }
        return found;
    }

    /** Fails, naming the types, unless {@code examples} hold an instance of every concrete type below {@code root}. */
    public static void assertEveryTypeHasAnExample(Class<?> root, Collection<?> examples) {
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : concreteTypes(root)) {
            if (examples.stream().noneMatch(type::isInstance)) {
                missing.add(type.getSimpleName());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("no example of " + missing + " (permitted by " + root.getSimpleName() + ")");
        }
    }
}
