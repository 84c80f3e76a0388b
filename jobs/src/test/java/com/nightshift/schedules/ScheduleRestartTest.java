package com.nightshift.schedules;

import static com.nightshift.schedules.ScheduleEngine.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.TestServers;

/**
 * Schedules across engine restarts: a downtime of several days caught up once by business date, a pause kept.
 * The downtime is simulated by a last recorded fire days ago: the schedule's first trigger follows it.
 */
class ScheduleRestartTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DAILY = "0 0 1 * * ?";
    private static final int DAYS_DOWN = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private String jdbcUrl;
    private Path folder;
    private JdbcTemplate jdbc;

    @BeforeEach
    void newDatabaseAndFolder() throws Exception {
        jdbcUrl = TestServers.get().newDatabase("schedule_restart");
        folder = Files.createTempDirectory("schedules-restart-");
        ScheduleEngine.write(folder, "nightly.yml", schedule("nightly", "rollup", DAILY, "catch-up", "mode=full",
                "from=${yesterday}", "to=${yesterday}"));
    }

    @Test
    void aCatchUpScheduleRunsEachMissedBusinessDateOnceOldestFirstAndASecondStartRunsNone() throws Exception {
        Instant lastDue = lastFireBefore(Instant.now());
        List<LocalDate> missedDates = missedDates(lastDue);

        try (ScheduleEngine engine = start("nightshift-catch-up-test", lastDue.minus(Duration.ofDays(DAYS_DOWN)))) {
            await().atMost(PATIENCE).until(() -> runs(engine.jdbc()).size() == DAYS_DOWN
                    && runs(engine.jdbc()).stream().allMatch(run -> run.outcome.equals("COMPLETED")));
            List<Run> runs = runs(engine.jdbc());
            // claimed and run oldest first, each date once
            assertThat(runs).extracting(run -> run.date).containsExactlyElementsOf(missedDates);
            assertThat(runs).extracting(run -> run.kind).containsOnly("CATCH_UP");
            assertThat(runs).extracting(run -> run.executionId).isSorted().doesNotHaveDuplicates();
            assertThat(runs).extracting(run -> run.fireNote).containsExactlyElementsOf(missedDates.stream()
                    .map(date -> date.plusDays(1).atTime(1, 0).atZone(SHANGHAI).toOffsetDateTime().toString())
                    .toList());
        }
        try (ScheduleEngine again = ScheduleEngine.start(jdbcUrl, folder, "nightshift-catch-up-test")) {
            // the engine is up and its scheduler firing; give a due fire every chance to show
            await().pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> true);
            assertThat(executions(again.jdbc())).isEqualTo(DAYS_DOWN);
            assertThat(again.bean(QuartzSchedules.class).pendingFire("nightly")).contains(
                    FireTimes.of(DAILY, SHANGHAI).nextAfter(lastDue).orElseThrow());
        }
    }

    @Test
    void aCatchUpRunsNoBusinessDateWhoseRunAlreadyCompletedAndRecordsTheMissedFiresAsSkipped() throws Exception {
        Instant lastDue = lastFireBefore(Instant.now());
        try (ScheduleEngine first = start("nightshift-completed-first", lastDue.minus(Duration.ofDays(DAYS_DOWN)))) {
            await().atMost(PATIENCE).until(() -> runs(first.jdbc()).stream()
                    .filter(run -> run.outcome.equals("COMPLETED")).count() == DAYS_DOWN);
            // the fires' records are lost (a schedule renamed back, a table restored): only the runs remain
            first.jdbc().update("DELETE FROM schedule_fire WHERE kind = 'CATCH_UP'");
        }

        // a scheduler of another name: Quartz knows nothing of the schedule, so it is added after its baseline
        try (ScheduleEngine second = ScheduleEngine.start(jdbcUrl, folder, "nightshift-completed-second")) {
            await().atMost(PATIENCE).until(() -> second.jdbc().queryForObject(
                    "SELECT count(*) FROM schedule_fire WHERE kind = 'SKIPPED'", Integer.class) == 1);
            assertThat(second.jdbc().queryForObject("SELECT message FROM schedule_fire WHERE kind = 'SKIPPED'",
                    String.class)).startsWith(DAYS_DOWN + " fire(s)").contains("already completed");
            assertThat(executions(second.jdbc())).isEqualTo(DAYS_DOWN);
        }
    }

    @Test
    void aPauseOutlivesARestartOfTheEngine() {
        try (ScheduleEngine engine = ScheduleEngine.start(jdbcUrl, folder, "nightshift-pause-restart-test")) {
            engine.bean(Schedules.class).pause("nightly");
        }
        try (ScheduleEngine again = ScheduleEngine.start(jdbcUrl, folder, "nightshift-pause-restart-test")) {
            assertThat(again.bean(Schedules.class).statuses(1)).singleElement()
                    .satisfies(status -> assertThat(status.state()).isEqualTo(ScheduleState.PAUSED));
        }
    }

    /** Starts an engine on a database whose schedule last fired at {@code lastRecorded}. */
    private ScheduleEngine start(String schedulerName, Instant lastRecorded) {
        try (ScheduleEngine migrate = ScheduleEngine.start(jdbcUrl, Path.of(folder + "-none"), schedulerName + "-m",
                "--spring.quartz.auto-startup=false")) {
            migrate.jdbc().update("INSERT INTO schedule_fire (schedule, fire_time, kind, parameters, outcome, "
                    + "instance, ended_at) VALUES ('nightly', ?, 'SCHEDULED', '', 'COMPLETED', 'before', now())",
                    Timestamp.from(lastRecorded));
        }
        return ScheduleEngine.start(jdbcUrl, folder, schedulerName);
    }

    private static Instant lastFireBefore(Instant now) {
        List<Instant> fires = FireTimes.of(DAILY, SHANGHAI).between(now.minus(Duration.ofDays(2)), now, 10);
        return fires.get(fires.size() - 1);
    }

    /** The business dates of the fires after the last recorded one up to the last due: each fire's yesterday. */
    private static List<LocalDate> missedDates(Instant lastDue) {
        LocalDate last = LocalDate.ofInstant(lastDue, SHANGHAI).minusDays(1);
        return IntStream.range(0, DAYS_DOWN).mapToObj(i -> last.minusDays(DAYS_DOWN - 1 - i)).toList();
    }

    private record Run(String kind, String outcome, long executionId, LocalDate date, String fireNote) {
    }

    /** The schedule's fires that ran, in the order they were claimed. */
    private static List<Run> runs(JdbcTemplate jdbc) {
        return jdbc.query("""
                SELECT f.kind, f.outcome, f.job_execution_id, d.parameter_value, n.parameter_value
                FROM schedule_fire f
                JOIN batch_job_execution_params d ON d.job_execution_id = f.job_execution_id
                                                 AND d.parameter_name = 'from'
                JOIN batch_job_execution_params n ON n.job_execution_id = f.job_execution_id
                                                 AND n.parameter_name = 'schedule.fire'
                WHERE f.schedule = 'nightly' AND f.job_execution_id IS NOT NULL
                ORDER BY f.id
                """, (rs, row) -> new Run(rs.getString(1), rs.getString(2), rs.getLong(3),
                LocalDate.parse(rs.getString(4)), rs.getString(5)));
    }

    private static int executions(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class);
    }
}
