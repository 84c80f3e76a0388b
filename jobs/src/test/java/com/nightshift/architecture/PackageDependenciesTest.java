package com.nightshift.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Keeps the features from reaching into each other: no package depends on another that depends on it, the
 * command line is an edge that nothing depends on, and inside the rollup the vocabulary is shared downward.
 */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nightshift");

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().matching("com.nightshift.(**)").should().beFreeOfCycles().check(CLASSES);
    }

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
    void theRollupsVocabularyDependsOnNoPartOfTheRollup() {
        noClasses().that().resideInAPackage("com.nightshift.rollup")
                .should().dependOnClassesThat().resideInAnyPackage("com.nightshift.rollup.compute..",
                        "com.nightshift.rollup.sql..", "com.nightshift.rollup.job..", "com.nightshift.rollup.cache..",
                        "com.nightshift.rollup.api..")
                .check(CLASSES);
    }

    @Test
    void theRollupComputationIsPlainJava() {
        noClasses().that().resideInAPackage("com.nightshift.rollup.compute..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "com.nightshift.rollup.sql..", "com.nightshift.rollup.job..", "com.nightshift.rollup.cache..",
                        "com.nightshift.rollup.api..")
                .check(CLASSES);
    }

    @Test
    void theRollupCacheAndItsReadApiKnowNothingOfTheJob() {
        noClasses().that().resideInAnyPackage("com.nightshift.rollup.cache..", "com.nightshift.rollup.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nightshift.rollup.compute..",
                        "com.nightshift.rollup.sql..", "com.nightshift.rollup.job..")
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
