package com.nightshift.schedules;

import static com.nightshift.schedules.ScheduleEngine.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.nightshift.support.TestServers;

/**
 * Two engine instances on one database, as a chain runs them, share the schedules' fires: Quartz's clustered store
 * gives each fire to one of them, and the fire's claim ({@code schedule_fire}) stops a second run of it even where
 * two schedulers both fire it.
 */
class ScheduleClusterTest {

    private static final int FIRES = 20;

    @Test
    void twoInstancesOfOneQuartzClusterRunEachFireOfAScheduleEverySecondExactlyOnceAndLoseNone() throws Exception {
        // One Quartz cluster: the same scheduler name, instance ids of their own. Spring does not keep its
        // schedulers in Quartz's JVM-wide registry, so two of one name can live in one JVM; they do share the
        // connection provider Quartz registers by scheduler name (the later one's pool, on the same database),
        // so the first instance stops first.
        fireEverySecondOnTwoInstances("nightshift-cluster", "nightshift-cluster");
    }

    @Test
    void twoInstancesThatBothFireEveryTriggerStillRunEachFireExactlyOnce() throws Exception {
        // Two Quartz clusters on one database (scheduler names of their own): each fires every fire, and only the
        // fire's claim keeps the second from running it again.
        fireEverySecondOnTwoInstances("nightshift-both-first", "nightshift-both-second");
    }

    private static void fireEverySecondOnTwoInstances(String firstScheduler, String secondScheduler)
            throws Exception {
        String jdbcUrl = TestServers.get().newDatabase("schedule_cluster");
        Path folder = Files.createTempDirectory("schedules-cluster-");
        ScheduleEngine.write(folder, "every-second.yml", schedule("every-second", "rollup", "*/1 * * * * ?", "skip",
                "mode=incremental"));
        SingleConnectionDataSource connection = new SingleConnectionDataSource(jdbcUrl, "postgres", null, true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(connection);
            fire(jdbcUrl, folder, firstScheduler, secondScheduler, jdbc);
            assertEachFireRanOnceAndNoneWasLost(jdbc);
        } finally {
            connection.destroy();
        }
    }

    private static void fire(String jdbcUrl, Path folder, String firstScheduler, String secondScheduler,
                             JdbcTemplate jdbc) {
        ScheduleEngine first = ScheduleEngine.instance(jdbcUrl, folder, firstScheduler, "first");
        try {
            ScheduleEngine second = ScheduleEngine.instance(jdbcUrl, folder, secondScheduler, "second");
            try {
                Timestamp bothUp = Timestamp.from(Instant.now());
                await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM schedule_fire WHERE fire_time > ?", Integer.class, bothUp) >= FIRES);
                ScheduleEngine.clear(folder);
                first.bean(ScheduleSync.class).reload();
                second.bean(ScheduleSync.class).reload();
                // a run under way when its engine closes is stopped there: let the last ones end first
                await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM schedule_fire WHERE outcome = 'STARTED'", Integer.class) == 0);
                first.close();
            } finally {
                second.close();
            }
        } finally {
            first.close();
        }
    }

    private static void assertEachFireRanOnceAndNoneWasLost(JdbcTemplate jdbc) {
        List<Map<String, Object>> fires = jdbc.queryForList(
                "SELECT fire_time, count(*) AS claims FROM schedule_fire GROUP BY fire_time ORDER BY fire_time");
        assertThat(fires).hasSizeGreaterThanOrEqualTo(FIRES)
                .allMatch(fire -> ((Number) fire.get("claims")).intValue() == 1);
        // none lost: a row for every second from the first fire to the last
        long firstFire = ((Timestamp) fires.get(0).get("fire_time")).toInstant().getEpochSecond();
        long lastFire = ((Timestamp) fires.get(fires.size() - 1).get("fire_time")).toInstant().getEpochSecond();
        assertThat(fires).hasSize((int) (lastFire - firstFire + 1));
        // each fire that ran, ran once: one execution noted with its fire time, and that is the row's execution
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM batch_job_execution_params n
                WHERE n.parameter_name = 'schedule.fire'
                GROUP BY n.parameter_value ORDER BY count(*) DESC LIMIT 1
                """, Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM schedule_fire WHERE job_execution_id IS NOT NULL",
                        Integer.class));
        assertThat(jdbc.queryForList("SELECT DISTINCT outcome FROM schedule_fire", String.class)).contains("COMPLETED")
                .allMatch(outcome -> outcome.equals("COMPLETED") || outcome.equals("REFUSED"));
    }
}
