package com.nightshift.maintenance;

import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nightshift.NightshiftApplication;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.TestServers;

/**
 * The engine on a database of the maintenance tests' own: the job vacuums every bloated table and purges every
 * old row it finds, which must be neither another test's nor hidden by one. Not an {@code IntegrationTest}: its
 * data source would win over this one's.
 */
@SpringBootTest(classes = NightshiftApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.quartz.auto-startup=false", "spring.main.banner-mode=off",
                "nightshift.schema.migrate-on-start=true", "spring.quartz.scheduler-name=nightshift-maintenance-test",
                // the test tables are small; the lock timeout short, so a held lock skips in a moment
                "nightshift.maintenance.vacuum-min-dead-rows=1000", "nightshift.maintenance.lock-timeout=500ms"})
abstract class MaintenanceDatabaseTest {

    static final String DATABASE = TestServers.get().newDatabase("maintenance");

    @Autowired
    JobRunner runner;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.get().register(registry, DATABASE);
    }

    /** The test database as its owner, the superuser. */
    static JdbcTemplate owner() {
        return new JdbcTemplate(DatabaseRoles.as("postgres", DATABASE));
    }

    JobExecution maintenance(String dryRun) throws Exception {
        return runner.run("maintenance", Map.of("dryRun", dryRun));
    }

    static String exitMessage(JobExecution execution) {
        return execution.getExitStatus().getExitDescription();
    }
}
