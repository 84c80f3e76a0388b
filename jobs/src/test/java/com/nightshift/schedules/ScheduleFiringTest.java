package com.nightshift.schedules;

import static com.nightshift.schedules.ScheduleEngine.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import com.nightshift.ops.HeldRunLock;
import com.nightshift.support.TestServers;

/** Schedules fired by Quartz in a serving engine: what a fire runs, refuses, skips; reloads and pauses. */
class ScheduleFiringTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String jdbcUrl;
    private static Path folder;
    private static ScheduleEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        jdbcUrl = TestServers.get().newDatabase("schedule_firing");
        folder = Files.createTempDirectory("schedules-firing-");
        engine = ScheduleEngine.start(jdbcUrl, folder, "nightshift-schedule-firing-test");
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void noSchedules() {
        ScheduleEngine.clear(folder);
        engine.bean(ScheduleSync.class).reload();
    }

    @Test
    void aScheduleFiringThroughQuartzStartsItsJobWithTheParametersResolvedForItsFireAndNotesSayingSo() {
        ScheduleEngine.write(folder, "yesterday.yml", schedule("yesterday-every-second", "rollup", "*/1 * * * * ?",
                "skip", "mode=full", "from=${yesterday}", "to=${yesterday}"));
        engine.bean(ScheduleSync.class).reload();

        FireRecord fire = await().atMost(PATIENCE).until(() -> completed("yesterday-every-second"), f -> f != null);

        LocalDate yesterday = LocalDate.ofInstant(fire.fireTime(), SHANGHAI).minusDays(1);
        assertThat(fire.kind()).isEqualTo(FireKind.SCHEDULED);
        assertThat(fire.parameters()).isEqualTo("from=" + yesterday + " mode=full to=" + yesterday);
        assertThat(fire.instance()).isEqualTo("nightshift-schedule-firing-test-instance");
        Map<String, String> parameters = parametersOf(fire.executionId());
        assertThat(parameters).containsEntry("mode", "full").containsEntry("from", yesterday.toString())
                .containsEntry("to", yesterday.toString())
                .containsEntry("schedule", "yesterday-every-second")
                .containsEntry("schedule.fire", fire.fireTime().atZone(SHANGHAI).toOffsetDateTime().toString())
                .containsEntry("schedule.kind", "SCHEDULED");
        assertThat(status(fire.executionId())).isEqualTo("COMPLETED");
    }

    @Test
    void aFireFindingItsJobAlreadyRunningIsRecordedAsRefusedAndTheNextFireRunsOnceItEnded() throws Exception {
        try (HeldRunLock running = HeldRunLock.hold(jdbcUrl, "rollup", Map.of("mode", "incremental"))) {
            ScheduleEngine.write(folder, "incremental.yml", schedule("incremental-every-second", "rollup",
                    "*/1 * * * * ?", "skip", "mode=incremental"));
            engine.bean(ScheduleSync.class).reload();

            FireRecord refused = await().atMost(PATIENCE).until(() -> records().of("incremental-every-second")
                    .stream().filter(f -> f.outcome() == FireOutcome.REFUSED).findFirst().orElse(null), f -> f != null);

            assertThat(refused.message()).contains("already");
            assertThat(refused.executionId()).isNull();
        }
        await().atMost(PATIENCE).until(() -> completed("incremental-every-second"), f -> f != null);
    }

    @Test
    void aLateSkipScheduleRecordsTheMissedFiresAsOneSkippedRowAndRunsOnlyItsNextFire() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        baseline("skipper", anHourAgo);
        ScheduleEngine.write(folder, "skipper.yml", schedule("skipper", "rollup", "*/2 * * * * ?", "skip",
                "mode=incremental"));
        engine.bean(ScheduleSync.class).reload();

        FireRecord run = await().atMost(PATIENCE).until(() -> completed("skipper"), f -> f != null);

        List<FireRecord> fires = records().of("skipper");
        List<FireRecord> skipped = fires.stream().filter(f -> f.kind() == FireKind.SKIPPED).toList();
        assertThat(skipped).hasSize(1);
        FireRecord skip = skipped.get(0);
        int missed = FireTimes.of("*/2 * * * * ?", SHANGHAI).between(anHourAgo, skip.fireTime(), 10_000).size();
        assertThat(missed).isBetween(1800, 1810);
        assertThat(skip.outcome()).isEqualTo(FireOutcome.SKIPPED);
        assertThat(skip.message()).startsWith(missed + " fire(s)").contains("misfire: skip");
        assertThat(fires).noneMatch(f -> f.kind() == FireKind.CATCH_UP);
        assertThat(fires).filteredOn(f -> f.executionId() != null).first().isEqualTo(run);
        assertThat(run.fireTime()).isAfter(skip.fireTime());
        assertThat(parametersOf(run.executionId())).containsEntry("schedule.skipped", Integer.toString(missed));
    }

    @Test
    void aPauseOutlivesAReloadThatChangesTheSchedule() throws Exception {
        ScheduleEngine.write(folder, "paused.yml", schedule("paused", "rollup", "0 0 1 * * ?", "skip",
                "mode=incremental"));
        engine.bean(ScheduleSync.class).reload();
        engine.bean(Schedules.class).pause("paused");

        ScheduleEngine.write(folder, "paused.yml", schedule("paused", "rollup", "0 0 2 * * ?", "skip",
                "mode=incremental"));
        SyncSummary summary = engine.bean(ScheduleSync.class).reload();

        assertThat(summary.changed()).containsExactly("paused");
        assertThat(triggerStates("paused")).containsOnly(Trigger.TriggerState.PAUSED).hasSize(1);
        assertThat(engine.bean(Schedules.class).statuses(1)).singleElement()
                .satisfies(status -> assertThat(status.state()).isEqualTo(ScheduleState.PAUSED));
    }

    @Test
    void firesMissedWhilePausedAreRecordedAsSkippedOnResumeAndNotRun() throws Exception {
        ScheduleEngine.write(folder, "resumed.yml", schedule("resumed", "rollup", "*/1 * * * * ?", "catch-up",
                "mode=full", "from=${yesterday}", "to=${yesterday}"));
        engine.bean(ScheduleSync.class).reload();
        await().atMost(PATIENCE).until(() -> completed("resumed"), f -> f != null);
        engine.bean(Schedules.class).pause("resumed");
        Instant pending = nextFire("resumed");
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(pending.plusSeconds(2)));

        Instant resumedAt = Instant.now();
        engine.bean(Schedules.class).resume("resumed");

        FireRecord skip = records().of("resumed").stream().filter(f -> f.kind() == FireKind.SKIPPED).findFirst()
                .orElseThrow();
        assertThat(skip.message()).contains("missed while the schedule was paused");
        assertThat(skip.fireTime()).isAfterOrEqualTo(pending).isBeforeOrEqualTo(resumedAt);
        FireRecord next = await().atMost(PATIENCE).until(() -> records().of("resumed").stream()
                .filter(f -> f.fireTime().isAfter(resumedAt) && f.executionId() != null).findFirst().orElse(null),
                f -> f != null);
        // nothing due while it was paused ran, and the first fire after it ran on time, not as a catch-up
        assertThat(records().of("resumed")).filteredOn(f -> f.kind() != FireKind.SKIPPED
                && !f.fireTime().isBefore(pending) && f.fireTime().isBefore(resumedAt)).isEmpty();
        assertThat(next.kind()).isEqualTo(FireKind.SCHEDULED);
    }

    @Test
    void aReloadTouchesOnlyTheScheduleThatWasAddedChangedOrRemoved() throws Exception {
        ScheduleEngine.write(folder, "a.yml", schedule("kept", "rollup", "0 0 1 * * ?", "skip", "mode=incremental"));
        ScheduleEngine.write(folder, "b.yml", schedule("changed", "rollup", "0 0 2 * * ?", "skip", "mode=incremental"));
        ScheduleEngine.write(folder, "c.yml", schedule("removed", "rollup", "0 0 3 * * ?", "skip", "mode=incremental"));
        engine.bean(ScheduleSync.class).reload();
        Map<String, String> rowVersionsBefore = rowVersions();

        ScheduleEngine.write(folder, "b.yml", schedule("changed", "rollup", "0 30 2 * * ?", "skip",
                "mode=incremental"));
        Files.delete(folder.resolve("c.yml"));
        ScheduleEngine.write(folder, "d.yml", schedule("added", "rollup", "0 0 4 * * ?", "skip", "mode=incremental"));
        SyncSummary summary = engine.bean(ScheduleSync.class).reload();

        assertThat(summary).isEqualTo(new SyncSummary(List.of("added"), List.of("changed"), List.of("removed"),
                List.of("kept")));
        Map<String, String> rowVersionsAfter = rowVersions();
        // the unchanged schedule's job and trigger rows were not even rewritten
        assertThat(rowVersionsAfter).containsEntry("job kept", rowVersionsBefore.get("job kept"))
                .containsEntry("trigger kept", rowVersionsBefore.get("trigger kept"))
                .doesNotContainKeys("job removed", "trigger removed")
                .containsKeys("job added", "trigger added");
        assertThat(rowVersionsAfter.get("job changed")).isNotEqualTo(rowVersionsBefore.get("job changed"));
        assertThat(nextFire("changed").atZone(SHANGHAI).toLocalTime()).hasToString("02:30");
    }

    @Test
    void aTriggerGoesToTheFireTimeOfOurDaylightSavingRuleNotQuartzsCron() throws Exception {
        // last fired the day before Europe/Berlin springs forward: 02:30 does not exist on 2027-03-28
        baseline("berlin-spring", Instant.parse("2027-03-27T01:30:00Z"));
        // last fired the day before it falls back: 02:30 happens twice on 2027-10-31
        baseline("berlin-fall", Instant.parse("2027-10-30T00:30:00Z"));
        ScheduleEngine.write(folder, "berlin.yml", """
                - {name: berlin-spring, job: rollup, cron: "0 30 2 * * ?", timezone: Europe/Berlin, misfire: skip}
                - {name: berlin-fall, job: rollup, cron: "0 30 2 * * ?", timezone: Europe/Berlin, misfire: skip}
                """);

        engine.bean(ScheduleSync.class).reload();

        // 03:30 CEST, as much later as the clocks jumped (Quartz's cron would wait for the 29th)
        assertThat(nextFire("berlin-spring")).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        // the first 02:30, CEST (Quartz's cron would take the second, CET)
        assertThat(nextFire("berlin-fall")).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
    }

    @Test
    void aDisabledScheduleIsNotInQuartz() throws Exception {
        ScheduleEngine.write(folder, "off.yml", schedule("off", "rollup", "*/1 * * * * ?", "skip", "mode=incremental")
                + "enabled: false\n");

        SyncSummary summary = engine.bean(ScheduleSync.class).reload();

        assertThat(summary.added()).isEmpty();
        assertThat(scheduler().getJobKeys(GroupMatcher.jobGroupEquals(QuartzSchedules.JOB_GROUP))).isEmpty();
        assertThat(engine.bean(Schedules.class).statuses(3)).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(ScheduleState.DISABLED);
            assertThat(status.nextFires()).isEmpty();
        });
    }

    @Test
    void aReloadOfABadFolderIsRefusedWholeAndTheSchedulesRunningBeforeStay() throws Exception {
        ScheduleEngine.write(folder, "a.yml", schedule("good", "rollup", "0 0 1 * * ?", "skip", "mode=incremental"));
        engine.bean(ScheduleSync.class).reload();
        ScheduleEngine.write(folder, "b.yml", schedule("new-but-bad", "rollup", "0 0 61 * * ?", "skip",
                "mode=sideways"));
        Files.delete(folder.resolve("a.yml"));

        assertThatThrownBy(() -> engine.bean(ScheduleSync.class).reload())
                .isInstanceOfSatisfying(ScheduleFileException.class, e -> assertThat(e.problems())
                        .hasSizeGreaterThanOrEqualTo(2).allMatch(problem -> problem.contains("b.yml")));

        assertThat(scheduler().getJobKeys(GroupMatcher.jobGroupEquals(QuartzSchedules.JOB_GROUP)))
                .extracting(key -> key.getName()).containsExactly("good");
        assertThat(engine.bean(Schedules.class).statuses(1)).extracting(status -> status.definition().name())
                .containsExactly("good");
    }

    private static FireRecord completed(String schedule) {
        return records().of(schedule).stream()
                .filter(f -> f.outcome() == FireOutcome.COMPLETED && f.executionId() != null).findFirst().orElse(null);
    }

    private static FireRecords records() {
        return engine.bean(FireRecords.class);
    }

    private static Scheduler scheduler() {
        return engine.bean(Scheduler.class);
    }

    private static void baseline(String schedule, Instant fireTime) {
        engine.jdbc().update("INSERT INTO schedule_fire (schedule, fire_time, kind, parameters, outcome, instance, "
                + "ended_at) VALUES (?, ?, 'SCHEDULED', 'mode=incremental', 'COMPLETED', 'before', now())", schedule,
                Timestamp.from(fireTime));
    }

    private static Map<String, String> parametersOf(long executionId) {
        Map<String, String> parameters = new HashMap<>();
        engine.jdbc().query("SELECT parameter_name, parameter_value FROM batch_job_execution_params "
                + "WHERE job_execution_id = ?", rs -> {
            parameters.put(rs.getString(1), rs.getString(2));
        }, executionId);
        return parameters;
    }

    private static String status(long executionId) {
        return engine.jdbc().queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                String.class, executionId);
    }

    private static List<Trigger.TriggerState> triggerStates(String schedule) throws Exception {
        Scheduler scheduler = scheduler();
        return scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(QuartzSchedules.triggerGroup(schedule)))
                .stream().map(key -> state(scheduler, key)).toList();
    }

    private static Trigger.TriggerState state(Scheduler scheduler, TriggerKey key) {
        try {
            return scheduler.getTriggerState(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant nextFire(String schedule) throws Exception {
        return engine.bean(QuartzSchedules.class).pendingFire(schedule).orElseThrow();
    }

    /** Each schedule's Quartz job and trigger row with its xmin: a row rewritten gets a new one. */
    private static Map<String, String> rowVersions() {
        Map<String, String> versions = new HashMap<>();
        engine.jdbc().query("SELECT 'job ' || job_name, xmin::text FROM qrtz_job_details WHERE job_group = ?",
                rs -> {
                    versions.put(rs.getString(1), rs.getString(2));
                }, QuartzSchedules.JOB_GROUP);
        engine.jdbc().query("SELECT 'trigger ' || job_name, xmin::text FROM qrtz_triggers WHERE job_group = ?",
                rs -> {
                    versions.put(rs.getString(1), rs.getString(2));
                }, QuartzSchedules.JOB_GROUP);
        return versions;
    }
}
