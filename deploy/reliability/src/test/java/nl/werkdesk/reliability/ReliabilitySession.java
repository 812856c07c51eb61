package nl.werkdesk.reliability;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import io.quarkus.bootstrap.logging.InitialConfigurator;

/**
 * One test session, one stack: shows this module's log output (quarkus-core holds every record until a Quarkus
 * application configures logging, and there is none in this JVM), and stops the shared stack when the last test
 * class is done.
 */
public class ReliabilitySession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] { InitialConfigurator.createDefaultHandler() });
        for (String chatty : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky")) {
            Logger.getLogger(chatty).setLevel(Level.WARNING);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<String> faults = Faults.all();
        if (!faults.isEmpty()) {
            org.jboss.logging.Logger.getLogger(ReliabilitySession.class).infof("%d faults injected: %s", faults.size(), faults);
        }
        ReliabilityStack.stopIfStarted();
    }
}
