package com.nightshift.health.job;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import com.nightshift.health.HealthHistory;
import com.nightshift.health.HealthState;
import com.nightshift.health.StoredResult;

/**
 * Writes what a health run found into its exit message: how many checks, how many WARN and CRIT, and which. The
 * run is COMPLETED whatever the checks found (trouble found is the job doing its work); the per-check lines are
 * in the history ({@code run health} prints them).
 */
@Component
class HealthJobSummary implements JobExecutionListener {

    private final HealthHistory history;

    HealthJobSummary(HealthHistory history) {
        this.history = history;
    }

    @Override
    public void afterJob(JobExecution execution) {
        List<StoredResult> results = history.ofExecution(execution.getId());
        Map<HealthState, Long> counts = new EnumMap<>(HealthState.class);
        results.forEach(result -> counts.merge(result.state(), 1L, Long::sum));
        String summary = String.format("%d checks: %d OK, %d WARN, %d CRIT%s%s", results.size(),
                counts.getOrDefault(HealthState.OK, 0L), counts.getOrDefault(HealthState.WARN, 0L),
                counts.getOrDefault(HealthState.CRIT, 0L), named(results, HealthState.CRIT),
                named(results, HealthState.WARN));
        ExitStatus exit = execution.getExitStatus();
        execution.setExitStatus(execution.getStatus() == BatchStatus.COMPLETED
                ? exit.addExitDescription(summary) : exit.addExitDescription("before stopping, " + summary));
    }

    private static String named(List<StoredResult> results, HealthState state) {
        String names = results.stream().filter(result -> result.state() == state).map(StoredResult::check)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "" : "; " + state + ": " + names;
    }
}
