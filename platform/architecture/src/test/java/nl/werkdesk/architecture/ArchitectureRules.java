package nl.werkdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The architecture's rules (../shared/architecture.md), as ArchUnit rules over compiled classes. */
final class ArchitectureRules {

    static final List<String> SERVICES = List.of("participant", "employer", "permit", "placement", "reporting");
    static final String KERNEL = "nl.werkdesk.eventsourcing..";

    private ArchitectureRules() {
    }

    /** A domain is plain Java: no framework, no I/O, no clock (time comes in on the command). */
    static final ArchRule DOMAINS_ARE_PURE = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.smallrye..", "io.vertx..",
                    "org.hibernate..", "com.fasterxml..", "java.io..", "java.nio..", "java.net..", "java.sql..", "org.apache.kafka..")
            .orShould().dependOnClassesThat().belongToAnyOf(java.time.Clock.class, java.time.InstantSource.class)
            .orShould().callMethodWhere(readsTheClock())
            .because("a domain decides on its history and its command alone; the edge reads the clock and does the I/O");

    /** No service reaches into another: they meet on Kafka topics and REST only. */
    static final ArchRule NO_SERVICE_USES_ANOTHER = CompositeArchRule.of(SERVICES.stream()
            .map(service -> noClasses().that().resideInAPackage("nl.werkdesk." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                            .filter(other -> !other.equals(service)).map(other -> "nl.werkdesk." + other + "..").toArray(String[]::new))
                    .as("nl.werkdesk." + service + " uses no other service's classes")
                    // ArchitectureTest asserts that every service's classes are there; a fixture may have some only.
                    .allowEmptyShould(true))
            .map(ArchRule.class::cast).toList())
            .because("services share nothing but topics and REST (architecture.md)");

    /** Only the kernel reads or writes the event table: its entity, its store, and SQL that names it. */
    static final ArchRule ONLY_THE_KERNEL_TOUCHES_THE_EVENT_TABLE = CompositeArchRule
            .of(noClasses().that().resideOutsideOfPackage(KERNEL)
                    .should().dependOnClassesThat().haveFullyQualifiedName("nl.werkdesk.eventsourcing.store.StoredEvent")
                    .orShould().dependOnClassesThat().haveFullyQualifiedName("nl.werkdesk.eventsourcing.store.EventStore"))
            .and(classes().that().resideOutsideOfPackage(KERNEL).should(nameNoEventTableInSql()))
            .because("a service appends and reads its events through the kernel (CommandHandler), which owns the table");

    private static DescribedPredicate<JavaCall<?>> readsTheClock() {
        return DescribedPredicate.describe("reads the clock (java.time now(), System.currentTimeMillis or nanoTime)", call ->
                (call.getTargetOwner().getPackageName().equals("java.time") && call.getName().equals("now"))
                        || (call.getTargetOwner().isEquivalentTo(System.class)
                        && (call.getName().equals("currentTimeMillis") || call.getName().equals("nanoTime"))));
    }

    /** SQL that reads or writes the events table, as it appears among a class's string constants. */
    static final Pattern EVENT_TABLE_SQL = Pattern.compile("(?i)\\b(from|into|update|join|table)\\s+events\\b");

    private static ArchCondition<JavaClass> nameNoEventTableInSql() {
        return new ArchCondition<>("name the events table in no SQL") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String constants = constantsOf(javaClass);
                if (EVENT_TABLE_SQL.matcher(constants).find()) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " has SQL on the events table"));
                }
            }
        };
    }

    /** The class file as text: its string constants (SQL in a text block or literal) appear in it as written. */
    private static String constantsOf(JavaClass javaClass) {
        Source source = javaClass.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + javaClass.getName()));
        try (InputStream in = source.getUri().toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source.getUri(), e);
        }
    }
}
