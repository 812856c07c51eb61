package nl.werkdesk.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Keeps the servers and the key pair once per JVM although Quarkus loads this module once per test profile: each
 * {@code @TestProfile} gets its own "Base Runtime" class loader, so a plain static field would start a second
 * broker, a second PostgreSQL and a second key pair (seen with Quarkus 3.33).
 * <p>
 * The copy of a class in the system class loader owns the real object (that loader holds the test class path under
 * Surefire and is never closed); every other copy asks it, through one reflective call, for a handle: a map of
 * JDK types only (String, Integer, Boolean, Runnable, functional interfaces, java.security keys), which any class
 * loader can use. Where the system class loader cannot see this module, each copy owns its own object.
 * <p>
 * The owner runs with its own class loader as the thread context class loader: Kafka loads some of its classes
 * through the context loader (a mismatch fails broker startup with NoSuchMethodException), and server threads
 * inherit it, which must not pin a Quarkus class loader for the rest of the JVM.
 */
final class JvmWide {

    /** The static, no-argument method each owner class declares to create or return its handle. */
    static final String HANDLE_METHOD = "jvmHandle";

    private JvmWide() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> handle(Class<?> type) {
        Class<?> owner = ownerCopy(type);
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(owner.getClassLoader());
        try {
            Method method = owner.getDeclaredMethod(HANDLE_METHOD);
            method.setAccessible(true);
            return (Map<String, Object>) method.invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(type.getSimpleName() + " could not start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach " + owner + "." + HANDLE_METHOD, e);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    /** Wraps an action of the owner for its handle, so that it also runs with the owner's context class loader. */
    static Runnable inOwnerLoader(Runnable action) {
        ClassLoader owner = JvmWide.class.getClassLoader();
        return () -> {
            Thread thread = Thread.currentThread();
            ClassLoader caller = thread.getContextClassLoader();
            thread.setContextClassLoader(owner);
            try {
                action.run();
            } finally {
                thread.setContextClassLoader(caller);
            }
        };
    }

    private static Class<?> ownerCopy(Class<?> type) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (type.getClassLoader() == system) {
            return type;
        }
        try {
            return Class.forName(type.getName(), true, system);
        } catch (ClassNotFoundException | LinkageError e) {
            return type;
        }
    }
}
