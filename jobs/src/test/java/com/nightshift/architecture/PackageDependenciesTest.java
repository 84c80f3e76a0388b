package com.nightshift.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Keeps the features from reaching into each other: the command line is an edge, nothing depends on it. */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nightshift");

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("com.nightshift.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.nightshift.cli..")
                .check(CLASSES);
    }

    @Test
    void theEmbeddedServersKnowNothingOfTheFeatures() {
        noClasses().that().resideInAPackage("com.nightshift.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nightshift.rollup..", "com.nightshift.ops..",
                        "com.nightshift.orders..", "com.nightshift.demo..")
                .check(CLASSES);
    }

    @Test
    void theRollupCacheDependsOnlyOnTheRollupsVocabulary() {
        noClasses().that().resideInAPackage("com.nightshift.rollup.cache..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Tasklet")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("JobConfiguration")
                .check(CLASSES);
    }

    @Test
    void jobsDoNotDependOnTheDemo() {
        noClasses().that().resideInAnyPackage("com.nightshift.rollup..", "com.nightshift.ops..",
                        "com.nightshift.orders..")
                .should().dependOnClassesThat().resideInAPackage("com.nightshift.demo..")
                .check(CLASSES);
    }

    @Test
    void jobDescriptionsAreDataWithoutSpringOrFeatures() {
        noClasses().that().resideInAPackage("com.nightshift.job..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.nightshift.rollup..",
                        "com.nightshift.ops..", "com.nightshift.orders..", "com.nightshift.demo..",
                        "com.nightshift.web..", "com.nightshift.config..")
                .check(CLASSES);
    }
}
