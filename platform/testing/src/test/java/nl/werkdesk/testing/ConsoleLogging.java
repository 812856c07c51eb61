package nl.werkdesk.testing;

import java.util.logging.Handler;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import io.quarkus.bootstrap.logging.InitialConfigurator;

/**
 * Shows log output in this module's plain JUnit tests. quarkus-core (through quarkus-test-common) installs a
 * delayed handler that holds every record until a Quarkus application configures logging; with no application
 * here, it is pointed at a console handler instead.
 */
public class ConsoleLogging implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] { InitialConfigurator.createDefaultHandler() });
    }
}
