package com.nightshift.health.job;

import java.time.Duration;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.nightshift.health.CheckResult;
import com.nightshift.health.CheckRunner;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthHistory;

/**
 * One group's step: runs its checks one after the other, each isolated by {@link CheckRunner}, and keeps each
 * result as soon as it is known (so a run stopped half way still shows what it found). Counts a result as a
 * written item.
 */
class CheckGroupTasklet implements Tasklet {

    private final List<HealthCheck> checks;
    private final CheckRunner runner;
    private final HealthHistory history;

    CheckGroupTasklet(List<HealthCheck> checks, CheckRunner runner, HealthHistory history) {
        this.checks = List.copyOf(checks);
        this.runner = runner;
        this.history = history;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Long execution = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        for (HealthCheck check : checks) {
            long start = System.nanoTime();
            CheckResult result = runner.run(check);
            history.record(execution, result, Duration.ofNanos(System.nanoTime() - start));
            contribution.incrementReadCount();
            contribution.incrementWriteCount(1);
        }
        return RepeatStatus.FINISHED;
    }
}
