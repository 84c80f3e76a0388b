package com.nightshift.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.launch.JobOperator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Jobs start only through {@code ops.JobRunner}, which takes the run's lock before choosing between resuming
 * and starting anew: a start that went to Spring Batch's operator directly would skip that choice.
 */
class JobStartsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nightshift");

    @Test
    void onlyOpsUsesSpringBatchsJobOperator() {
        noClasses().that().resideOutsideOfPackage("com.nightshift.ops..")
                .should().dependOnClassesThat().areAssignableTo(JobOperator.class)
                .orShould().dependOnClassesThat().areAssignableTo(JobLauncher.class)
                .check(CLASSES);
    }
}
