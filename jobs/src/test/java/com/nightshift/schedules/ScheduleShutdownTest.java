package com.nightshift.schedules;

import static com.nightshift.schedules.ScheduleEngine.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import com.nightshift.ops.JobRunner;
import com.nightshift.ops.NewRunsRefused;
import com.nightshift.support.TestServers;

/**
 * A fire that an instance takes just as it shuts down (it runs no new job any more) is not lost: its claim is given
 * back and a trigger for it handed to the cluster, so that whoever fires it next runs what this one could not. The
 * engine's scheduler stays on standby here, and the fires are handed to the firer directly, as Quartz would.
 */
class ScheduleShutdownTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DAILY = "0 0 1 * * ?";
    private static final int DAYS_DOWN = 3;

    private ScheduleEngine engine;
    private ScheduleDefinition nightly;
    private List<Instant> missed;

    @BeforeEach
    void engineWithACatchUpScheduleThatMissedThreeDays() throws Exception {
        Path folder = Files.createTempDirectory("schedules-shutdown-");
        ScheduleEngine.write(folder, "nightly.yml", schedule("nightly", "rollup", DAILY, "catch-up", "mode=full",
                "from=${yesterday}", "to=${yesterday}"));
        engine = ScheduleEngine.start(TestServers.get().newDatabase("schedule_shutdown"), folder,
                "nightshift-shutdown-test", "--spring.quartz.auto-startup=false");
        FireTimes times = FireTimes.of(DAILY, SHANGHAI);
        List<Instant> recent = times.between(Instant.now().minus(Duration.ofDays(DAYS_DOWN + 2)), Instant.now(), 10);
        Instant baseline = recent.get(recent.size() - 1 - DAYS_DOWN);
        missed = recent.subList(recent.size() - DAYS_DOWN, recent.size());
        engine.jdbc().update("INSERT INTO schedule_fire (schedule, fire_time, kind, parameters, outcome, instance, "
                + "ended_at) VALUES ('nightly', ?, 'SCHEDULED', '', 'COMPLETED', 'before', now())",
                Timestamp.from(baseline));
        engine.bean(ScheduleSync.class).reload();
        nightly = engine.bean(Schedules.class).definition("nightly");
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void aCatchUpMetByTheShutdownGivesItsClaimBackAndHandsItsFireToTheCluster() throws Exception {
        try (NewRunsRefused stopping = NewRunsRefused.by(engine.bean(JobRunner.class))) {
            engine.bean(ScheduleFirer.class).fire(nightly, missed.get(0), 0);
        }

        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM schedule_fire WHERE schedule = 'nightly' "
                + "AND fire_time > ?", Integer.class, Timestamp.from(missed.get(0).minusSeconds(1)))).isZero();
        assertThat(engine.bean(Scheduler.class).checkExists(
                new TriggerKey(missed.get(0) + "/handed-back", QuartzSchedules.triggerGroup("nightly")))).isTrue();
    }

    @Test
    void theInstanceThatTakesAHandedBackFireRunsEveryDateTheShutdownLeftOnceOldestFirst() throws Exception {
        try (NewRunsRefused stopping = NewRunsRefused.by(engine.bean(JobRunner.class))) {
            engine.bean(ScheduleFirer.class).fire(nightly, missed.get(0), 0);
        }

        engine.bean(ScheduleFirer.class).fire(nightly, missed.get(0), 0);

        List<String> ran = engine.jdbc().queryForList("SELECT fire_time || ' ' || outcome FROM schedule_fire "
                + "WHERE schedule = 'nightly' AND kind = 'CATCH_UP' ORDER BY id", String.class);
        assertThat(ran).hasSize(DAYS_DOWN).allMatch(row -> row.endsWith("COMPLETED"));
        assertThat(engine.jdbc().queryForList("SELECT fire_time FROM schedule_fire WHERE kind = 'CATCH_UP' "
                + "ORDER BY id", Timestamp.class)).extracting(Timestamp::toInstant).containsExactlyElementsOf(missed);
    }
}
