package nl.werkdesk.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import nl.werkdesk.fixture.participant.domain.ClockReadingDecider;
import nl.werkdesk.fixture.participant.domain.JsonReadingDecider;
import nl.werkdesk.fixture.participant.domain.PureDecider;
import nl.werkdesk.fixture.participant.view.EventTableReader;
import nl.werkdesk.fixture.participant.view.StoredEventReader;
import nl.werkdesk.permit.fixture.PermitClass;
import nl.werkdesk.placement.fixture.UsesPermitClass;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a class that breaks it (fixtures in test sources, which the real check never imports) and passes
 * on one that keeps it: none of the rules can pass for want of something to check.
 */
class RulesCatchViolationsTest {

    @Test
    void aDomainThatReadsTheClockOrParsesJsonBreaksThePurityRule() {
        assertViolated(ArchitectureRules.DOMAINS_ARE_PURE, ClockReadingDecider.class, "LocalDate.now");
        assertViolated(ArchitectureRules.DOMAINS_ARE_PURE, JsonReadingDecider.class, "com.fasterxml");
        ArchitectureRules.DOMAINS_ARE_PURE.check(classes(PureDecider.class));
    }

    @Test
    void aServiceThatUsesAnotherServicesClassBreaksTheServiceRule() {
        assertViolated(ArchitectureRules.NO_SERVICE_USES_ANOTHER, "UsesPermitClass", UsesPermitClass.class, PermitClass.class);
        ArchitectureRules.NO_SERVICE_USES_ANOTHER.check(classes(PermitClass.class));
    }

    @Test
    void aClassOutsideTheKernelWithTheStoredEventEntityOrSqlOnTheEventTableBreaksTheEventTableRule() {
        assertViolated(ArchitectureRules.ONLY_THE_KERNEL_TOUCHES_THE_EVENT_TABLE, StoredEventReader.class, "StoredEvent");
        assertViolated(ArchitectureRules.ONLY_THE_KERNEL_TOUCHES_THE_EVENT_TABLE, EventTableReader.class, "SQL on the events table");
        ArchitectureRules.ONLY_THE_KERNEL_TOUCHES_THE_EVENT_TABLE.check(classes(PureDecider.class));
    }

    private static void assertViolated(ArchRule rule, Class<?> fixture, String expected) {
        assertViolated(rule, expected, fixture);
    }

    private static void assertViolated(ArchRule rule, String expected, Class<?>... fixtures) {
        AssertionError error = assertThrows(AssertionError.class, () -> rule.check(classes(fixtures)));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static JavaClasses classes(Class<?>... fixtures) {
        return new ClassFileImporter().importClasses(fixtures);
    }
}
