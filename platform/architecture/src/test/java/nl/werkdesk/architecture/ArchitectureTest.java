package nl.werkdesk.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel and all five services, as compiled (main classes only), against the architecture's rules. */
class ArchitectureTest {

    static JavaClasses werkdesk;

    @BeforeAll
    static void importTheCompiledClasses() {
        werkdesk = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.werkdesk");
        for (String service : ArchitectureRules.SERVICES) {
            assertTrue(werkdesk.containPackage("nl.werkdesk." + service + ".domain"), service + "-service's domain is on the classpath");
        }
        assertTrue(werkdesk.containPackage("nl.werkdesk.eventsourcing.store"), "the kernel is on the classpath");
    }

    @Test
    void domainsImportNoFrameworkNoIoAndNoClock() {
        ArchitectureRules.DOMAINS_ARE_PURE.check(werkdesk);
    }

    @Test
    void noServiceUsesAnotherServicesClasses() {
        ArchitectureRules.NO_SERVICE_USES_ANOTHER.check(werkdesk);
    }

    @Test
    void onlyTheKernelTouchesTheEventTable() {
        ArchitectureRules.ONLY_THE_KERNEL_TOUCHES_THE_EVENT_TABLE.check(werkdesk);
    }
}
