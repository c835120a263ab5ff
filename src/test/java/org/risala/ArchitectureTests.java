package org.risala;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

/** What Spring Modulith cannot say about the module boundaries. */
class ArchitectureTests {

    private static final JavaClasses RISALA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.risala");

    @Test
    void jsmppStaysInsideTheSmppAndSimulatorModules() {
        noClasses().that().resideOutsideOfPackages("org.risala.smpp..", "org.risala.simulator..")
                .should().dependOnClassesThat().resideInAPackage("org.jsmpp..")
                .check(RISALA);
    }

    @Test
    void repositoriesArePackagePrivate() {
        classes().that().areAnnotatedWith(Repository.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(RISALA);
    }

    @Test
    void theSmsVocabularyAndTheStateMachinesDoNotUseSpring() {
        // package-info carries the Modulith module declaration, which is not code
        noClasses().that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("package-info")))
                .and().resideInAPackage("org.risala.sms..")
                .or().haveSimpleName("MessageStatus").or().haveSimpleName("RetryPolicy").or().haveSimpleName("PartOutcomes")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(RISALA);
    }
}
