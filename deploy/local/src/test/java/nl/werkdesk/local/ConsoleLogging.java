package nl.werkdesk.local;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import io.quarkus.bootstrap.logging.InitialConfigurator;

/**
 * Shows this module's log output in the test run: quarkus-core (on the classpath through platform/testing) holds
 * every record until a Quarkus application configures logging, and there is none in this JVM. The broker that runs
 * here is kept to warnings.
 */
public class ConsoleLogging implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] { InitialConfigurator.createDefaultHandler() });
        for (String chatty : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky")) {
            Logger.getLogger(chatty).setLevel(Level.WARNING);
        }
    }
}
