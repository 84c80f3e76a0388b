package com.nightshift.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.DatabaseRoles;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The job {@code maintenance} end to end: vacuums, reindexes, a dry run, tables in use elsewhere, parameters. */
class MaintenanceJobTest extends MaintenanceDatabaseTest {

    @Test
    void aBloatedTableIsVacuumedAndItsDeadRowsAreGone() throws Exception {
        JdbcTemplate owner = owner();
        BloatedTables.create(owner, "bloat_vacuumed");

        JobExecution execution = maintenance("false");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(exitMessage(execution)).containsPattern(
                "VACUUM \\(ANALYZE\\) bloat_vacuumed: done in \\d+\\.\\d s \\(had 18000 dead rows of 20000\\)");
        BloatedTables.awaitDeadRows(owner, "bloat_vacuumed", 0);
    }

    @Test
    void anInvalidIndexIsRebuiltConcurrentlyAndValidAgain() throws Exception {
        JdbcTemplate owner = owner();
        owner.execute("CREATE TABLE with_broken_index (id int PRIMARY KEY, name text)");
        owner.execute("CREATE INDEX broken_name ON with_broken_index (name)");
        owner.update("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'broken_name'::regclass");

        JobExecution execution = maintenance("false");

        assertThat(exitMessage(execution)).containsPattern(
                "REINDEX INDEX CONCURRENTLY broken_name ON with_broken_index: done in \\d+\\.\\d s");
        assertThat(owner.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'broken_name'::regclass",
                Boolean.class)).isTrue();
    }

    @Test
    void aLeftoverOfAnInterruptedConcurrentReindexIsDroppedAndTheOriginalStays() throws Exception {
        JdbcTemplate owner = owner();
        owner.execute("CREATE TABLE with_leftover (id int PRIMARY KEY, name text)");
        owner.execute("CREATE INDEX leftover_name ON with_leftover (name)");
        // what a REINDEX INDEX CONCURRENTLY interrupted before its swap leaves: the original and an invalid copy
        owner.execute("CREATE INDEX leftover_name_ccnew ON with_leftover (name)");
        owner.update("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'leftover_name_ccnew'::regclass");

        JobExecution execution = maintenance("false");

        assertThat(exitMessage(execution)).containsPattern("DROP INDEX CONCURRENTLY leftover_name_ccnew ON "
                + "with_leftover: done in \\d+\\.\\d s \\(a leftover of an interrupted REINDEX CONCURRENTLY, "
                + "dropped\\)");
        assertThat(owner.queryForObject("SELECT to_regclass('leftover_name_ccnew') IS NULL", Boolean.class)).isTrue();
        assertThat(owner.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'leftover_name'::regclass",
                Boolean.class)).isTrue();
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndChangesNothing() throws Exception {
        JdbcTemplate owner = owner();
        BloatedTables.create(owner, "bloat_dry");
        owner.execute("CREATE INDEX broken_dry ON bloat_dry (pad)");
        owner.update("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'broken_dry'::regclass");
        owner.execute("CREATE INDEX broken_dry_ccold ON bloat_dry (pad)");
        owner.update("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'broken_dry_ccold'::regclass");

        JobExecution execution = maintenance("true");

        assertThat(exitMessage(execution)).contains("dry run, nothing changed",
                "VACUUM (ANALYZE) bloat_dry: would do (18000 dead rows of 20000)",
                "REINDEX INDEX CONCURRENTLY broken_dry ON bloat_dry: would do (invalid)",
                "DROP INDEX CONCURRENTLY broken_dry_ccold ON bloat_dry: would do (a leftover of an interrupted "
                        + "REINDEX CONCURRENTLY)",
                "purge health history older than 90 days");
        assertThat(owner.queryForObject("SELECT to_regclass('broken_dry_ccold') IS NOT NULL", Boolean.class)).isTrue();
        assertThat(owner.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'broken_dry'::regclass",
                Boolean.class)).isFalse();
        assertThat(owner.queryForObject("SELECT last_vacuum IS NULL FROM pg_stat_user_tables WHERE relname = "
                + "'bloat_dry'", Boolean.class)).isTrue();
        assertThat(BloatedTables.deadRows(owner, "bloat_dry")).isEqualTo(18_000);
    }

    @Test
    void aTableLockedByAnotherSessionIsSkippedWithAWarnAndTheJobCompletes() throws Exception {
        JdbcTemplate owner = owner();
        BloatedTables.create(owner, "bloat_locked");
        Logger logger = (Logger) LoggerFactory.getLogger(TableActions.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        JobExecution execution;
        try (Connection other = DatabaseRoles.as("postgres", DATABASE).getConnection();
             Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            lock.execute("LOCK TABLE bloat_locked IN SHARE UPDATE EXCLUSIVE MODE");

            execution = maintenance("false");
        } finally {
            logger.detachAppender(log);
        }

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(exitMessage(execution)).contains("VACUUM (ANALYZE) bloat_locked: skipped",
                "past the lock timeout (nightshift.maintenance.lock-timeout)");
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("Maintenance: VACUUM (ANALYZE) bloat_locked: skipped"));
        assertThat(BloatedTables.deadRows(owner, "bloat_locked")).isEqualTo(18_000);
    }

    @Test
    void aTableUnderAnotherProcesssMaintenanceIsSkippedAsBusy() throws Exception {
        JdbcTemplate owner = owner();
        BloatedTables.create(owner, "bloat_busy");
        JobExecution execution;
        try (Connection other = DatabaseRoles.as("postgres", DATABASE).getConnection();
             Statement lock = other.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + MaintenanceConnection.TABLE_LOCK_CLASS
                    + ", 'bloat_busy'::regclass::oid::int)");

            execution = maintenance("false");
        }

        assertThat(exitMessage(execution)).contains("VACUUM (ANALYZE) bloat_busy: skipped",
                "table bloat_busy is busy: another maintenance action holds its lock");
        assertThat(BloatedTables.deadRows(owner, "bloat_busy")).isEqualTo(18_000);
    }

    @Test
    void theRunListsEveryPurgeWithItsDuration() throws Exception {
        JobExecution execution = maintenance("false");

        assertThat(exitMessage(execution)).containsPattern(
                "purge batch metadata older than 90 days \\(before \\S+\\): done in \\d+\\.\\d s \\(\\d+ job "
                        + "instances deleted\\); purge report archive older than 400 days .*; purge delivery ledger "
                        + "older than 400 days .*; purge health history older than 90 days");
    }

    @Test
    void aDryRunValueOtherThanTrueOrFalseIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> maintenance("maybe"))
                .hasMessageContaining("parameter 'dryRun' must be true or false, was 'maybe'");
    }
}
