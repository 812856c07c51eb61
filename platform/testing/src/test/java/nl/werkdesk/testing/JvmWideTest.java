package nl.werkdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

/** Quarkus loads this module again for every test profile; the servers and the key pair must stay one per JVM. */
class JvmWideTest {

    @Test
    void anotherClassLoaderGetsTheSameServersAndKeyPair() throws Exception {
        try (IsolatingLoader isolated = new IsolatingLoader()) {
            Class<?> kafka = isolated.loadClass(KafkaBroker.class.getName());
            Class<?> postgres = isolated.loadClass(PostgresServer.class.getName());
            Class<?> keys = isolated.loadClass(JwtKeys.class.getName());
            assertNotSame(KafkaBroker.class, kafka);

            assertEquals(KafkaBroker.shared().bootstrapServers(), call(call(kafka, "shared"), "bootstrapServers"));
            assertEquals(PostgresServer.shared().port(), call(call(postgres, "shared"), "port"));
            assertEquals(JwtKeys.shared().publicKeyLocation(), call(call(keys, "shared"), "publicKeyLocation"));
            assertEquals(JwtKeys.shared().privateKey(), call(call(keys, "shared"), "privateKey"));
        }
    }

    private static Object call(Object target, String method) throws Exception {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Method m = type.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(target instanceof Class<?> ? null : target);
    }

    /** Defines this module's classes anew, like a Quarkus class loader; everything else comes from the parent. */
    private static final class IsolatingLoader extends URLClassLoader {

        IsolatingLoader() {
            super(new URL[0], JvmWideTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("nl.werkdesk.testing.") || name.endsWith("Test")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = define(name);
                }
                return loaded;
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = getParent().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
