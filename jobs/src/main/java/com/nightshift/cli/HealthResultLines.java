package com.nightshift.cli;

import java.io.PrintWriter;

import org.springframework.batch.core.job.JobExecution;

import com.nightshift.health.HealthHistory;
import com.nightshift.health.StoredResult;
import com.nightshift.health.job.HealthRequest;

/**
 * Below a health run's outcome, what each check found: one line per check, its state, name and message, in the
 * order the checks ran. Nothing for other jobs.
 */
final class HealthResultLines {

    private HealthResultLines() {
    }

    static void print(Engine engine, JobExecution execution, PrintWriter out) {
        if (!execution.getJobInstance().getJobName().equals(HealthRequest.DESCRIPTION.name())) {
            return;
        }
        for (StoredResult result : engine.bean(HealthHistory.class).ofExecution(execution.getId())) {
            out.printf("  %-4s %-32s %s%n", result.state(), result.check(), result.message());
        }
    }
}
