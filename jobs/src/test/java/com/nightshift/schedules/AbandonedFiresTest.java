package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.ops.OpsProperties;
import com.nightshift.support.IntegrationTest;

/**
 * A fire claimed by a process that died before starting its run is settled by the live instances, and only such
 * a fire: its claim is made here as the firer makes it ({@link FireRecords#claim}), then no run follows. This
 * context's Quartz scheduler is never started, so no instance is checked in unless a test checks one in.
 */
class AbandonedFiresTest extends IntegrationTest {

    private static final Map<String, String> INCREMENTAL = Map.of("mode", "incremental");
    private static final Instant FIRE = Instant.parse("2026-12-07T02:00:00Z");

    @Autowired
    FireRecords records;
    @Autowired
    QuartzSchedules quartz;
    @Autowired
    OpsProperties ops;
    @Autowired
    AbandonedFires abandoned;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClaimLeftByAnInstanceNoLongerCheckedInIsRecordedRefusedSayingWhy() throws Exception {
        String schedule = unique("abandoned");
        long claim = aClaimBy(schedule, "gone-instance");
        claimedAgo(claim, Duration.ofMinutes(2));

        assertThat(abandoned.settle()).extracting(FireRecord::id).contains(claim);

        FireRecord fire = records.byId(claim).orElseThrow();
        assertThat(fire.outcome()).isEqualTo(FireOutcome.REFUSED);
        assertThat(fire.message()).isEqualTo("the instance that claimed it stopped before starting the run");
        assertThat(fire.endedAt()).isNotNull();
        assertThat(fire.executionId()).isNull();
    }

    @Test
    void aClaimWhoseRunIsJustStartingIsLeftAlone() throws Exception {
        String schedule = unique("starting");
        long claim = aClaimBy(schedule, "gone-instance");

        assertThat(abandoned.settle()).extracting(FireRecord::id).doesNotContain(claim);

        assertThat(records.byId(claim).orElseThrow().outcome()).isEqualTo(FireOutcome.STARTED);
    }

    @Test
    void aClaimOfAnInstanceStillCheckedInIsLeftAloneHoweverOld() throws Exception {
        String schedule = unique("alive");
        String instance = unique("live-instance");
        jdbc.update("INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, "
                + "checkin_interval) VALUES (?, ?, ?, 10000)", quartz.schedulerName(), instance,
                System.currentTimeMillis());
        long claim = aClaimBy(schedule, instance);
        claimedAgo(claim, Duration.ofHours(3));

        try {
            assertThat(abandoned.settle()).extracting(FireRecord::id).doesNotContain(claim);

            assertThat(records.byId(claim).orElseThrow().outcome()).isEqualTo(FireOutcome.STARTED);
        } finally {
            jdbc.update("DELETE FROM qrtz_scheduler_state WHERE instance_name = ?", instance);
        }
    }

    /** A run that started has an execution: dead-run recovery resumes it, and its end is written on the fire. */
    @Test
    void aClaimWhoseRunStartedIsLeftAlone() throws Exception {
        String schedule = unique("running");
        long claim = aClaimBy(schedule, "gone-instance");
        records.runStarted(schedule, FIRE, 987_654L);
        claimedAgo(claim, Duration.ofMinutes(2));

        assertThat(abandoned.settle()).extracting(FireRecord::id).doesNotContain(claim);

        assertThat(records.byId(claim).orElseThrow().outcome()).isEqualTo(FireOutcome.STARTED);
    }

    @Test
    void aServingInstanceSettlesAbandonedClaimsOnItsOwn() {
        String schedule = unique("serving");
        long claim = aClaimBy(schedule, "gone-instance");
        claimedAgo(claim, Duration.ofMinutes(2));
        AbandonedFires serving = new AbandonedFires(records, quartz, new OpsProperties(ops.backgroundJobs(),
                ops.lockCheckEvery(), ops.stopTimeout(), ops.lockTimeout(), ops.statementTimeout(), true,
                Duration.ofMillis(100)));

        serving.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    records.byId(claim).orElseThrow().outcome() == FireOutcome.REFUSED);
        } finally {
            serving.stop();
        }
    }

    @Test
    void anInstanceThatDoesNotServeLeavesThemToTheServers() {
        assertThat(ops.recoverDeadRuns()).isFalse();

        abandoned.start();

        assertThat(abandoned.isRunning()).isFalse();
    }

    private long aClaimBy(String schedule, String instance) {
        return records.claim(schedule, FIRE, FireKind.SCHEDULED, INCREMENTAL, instance).orElseThrow();
    }

    /** Time passing since the claim, by the database's clock, which stamps claims and settles them. */
    private void claimedAgo(long claim, Duration ago) {
        jdbc.update("UPDATE schedule_fire SET claimed_at = now() - make_interval(secs => ?) WHERE id = ?",
                (double) ago.toSeconds(), claim);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
