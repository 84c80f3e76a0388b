package com.nightshift.ops.console;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.ops.JobRunner;
import com.nightshift.ops.StartedBy;

/**
 * Real rollup executions for the console's tests: completed, failed by the database, or held at their first chunk
 * while the test acts on them. Each run gets a business day of its own, so that none resumes another test's
 * failed or stopped run (a run is its job and parameters).
 */
final class ConsoleTestRuns {

    private static final LocalDate FIRST_DAY = LocalDate.of(2031, 1, 1);
    private static final AtomicInteger DAYS_USED = new AtomicInteger();
    static final int STORES = 12;
    /** What the command line's {@code run} notes on the runs it starts. */
    private static final Map<String, String> COMMAND_LINE = StartedBy.notes(StartedBy.COMMAND_LINE);

    private final JobRunner runner;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    ConsoleTestRuns(JobRunner runner, JdbcTemplate jdbc, DataSource dataSource) {
        this.runner = runner;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    static LocalDate newDay() {
        return FIRST_DAY.plusDays(DAYS_USED.getAndIncrement());
    }

    static Map<String, String> fullRun(LocalDate day) {
        return Map.of("mode", "full", "from", day.toString(), "to", day.toString());
    }

    /** A store's line on {@code day} for each of {@link #STORES} stores, each with a stale rollup row to rewrite. */
    void ordersOn(LocalDate day) {
        for (int store = 0; store < STORES; store++) {
            aLine().store("门店" + store).on(day).amount("1." + store).insert(jdbc);
            jdbc.update("INSERT INTO rollup_store_daily VALUES (?, ?, 99, 99, 99, 0, 0, 0)", day, "门店" + store);
        }
    }

    long completed() throws Exception {
        LocalDate day = newDay();
        ordersOn(day);
        return runner.run("rollup", fullRun(day), COMMAND_LINE).getId();
    }

    /** A run the database fails half way (a trigger refuses one store's row), as a full disk would. */
    long failed(LocalDate day) throws Exception {
        ordersOn(day);
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION console_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.store_name = '门店3' THEN
                        RAISE EXCEPTION 'injected failure for 门店3';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER console_test_refuse BEFORE INSERT OR UPDATE ON rollup_store_daily "
                + "FOR EACH ROW EXECUTE FUNCTION console_test_refuse()");
        try {
            return runner.run("rollup", fullRun(day), COMMAND_LINE).getId();
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS console_test_refuse ON rollup_store_daily");
        }
    }

    /**
     * Starts a run of {@code day} in the background whose chunks wait for row locks this holds, hands its id to
     * {@code whileHeld} once it is waiting, then lets it go.
     */
    long held(LocalDate day, LongConsumer whileHeld) throws Exception {
        ordersOn(day);
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("SELECT 1 FROM rollup_store_daily FOR UPDATE");
            long id = runner.start("rollup", fullRun(day)).getId();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM "
                    + "pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
                    Long.class) > 0);
            try {
                whileHeld.accept(id);
            } finally {
                rollback(lock);
            }
            return id;
        }
    }

    /** The execution's status once it has ended and its summary is written (a moment after its status). */
    String awaitEnd(long id) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForMap(
                "SELECT status, exit_message FROM batch_job_execution WHERE job_execution_id = ?", id),
                row -> !Map.of("STARTING", 1, "STARTED", 1, "STOPPING", 1).containsKey((String) row.get("status"))
                        && row.get("exit_message") != null && !((String) row.get("exit_message")).isEmpty())
                .get("status").toString();
    }

    private static void rollback(Connection lock) {
        try {
            lock.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
