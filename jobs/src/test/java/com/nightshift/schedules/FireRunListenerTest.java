package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;

import com.nightshift.ops.JobRunner;
import com.nightshift.support.TestServers;

/**
 * A fire's row learns its run's execution and outcome from the run itself, wherever it runs: here the run is
 * started as another instance resuming it would, with the fire's notes and without the firer that claimed it.
 */
class FireRunListenerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> INCREMENTAL = Map.of("mode", "incremental");

    private ScheduleEngine engine;

    @BeforeEach
    void engine() throws Exception {
        engine = ScheduleEngine.start(TestServers.get().newDatabase("fire_run_listener"),
                Files.createTempDirectory("schedules-listener-"), "nightshift-listener-test",
                "--spring.quartz.auto-startup=false");
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void aRunCarryingAFiresNotesWritesItsExecutionAndOutcomeOnThatFire() throws Exception {
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = engine.bean(FireRecords.class).claim("tick", fire, FireKind.SCHEDULED, INCREMENTAL, "elsewhere")
                .orElseThrow();

        JobExecution execution = engine.bean(JobRunner.class).run("rollup", INCREMENTAL,
                FireNotes.of("tick", fire, SHANGHAI, FireKind.SCHEDULED));

        FireRecord record = engine.bean(FireRecords.class).byId(id).orElseThrow();
        assertThat(record.executionId()).isEqualTo(execution.getId());
        assertThat(record.outcome()).isEqualTo(FireOutcome.COMPLETED);
        assertThat(record.endedAt()).isNotNull();
    }

    @Test
    void aRunWithoutNotesLeavesTheFiresAlone() throws Exception {
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = engine.bean(FireRecords.class).claim("tick", fire, FireKind.SCHEDULED, INCREMENTAL, "elsewhere")
                .orElseThrow();

        engine.bean(JobRunner.class).run("rollup", INCREMENTAL);

        FireRecord record = engine.bean(FireRecords.class).byId(id).orElseThrow();
        assertThat(record.executionId()).isNull();
        assertThat(record.outcome()).isEqualTo(FireOutcome.STARTED);
    }
}
