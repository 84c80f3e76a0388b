package com.nightshift.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;

/**
 * What makes two starts "the same run": the job's name and its identifying parameters as text, in any order,
 * {@code run.id} aside. {@code rollup mode=full from=2026-10-01 to=2026-10-31} is one run however often it is
 * started, and {@code rollup mode=incremental} is always the same run: only one of each can be alive at a time,
 * on all instances together. Different parameters (two overlapping ranges) are different runs.
 *
 * @param job        the job's name
 * @param parameters its identifying parameters but {@code run.id}, as {@code name=value} joined by {@code &}
 *                   in name order
 */
record RunKey(String job, String parameters) {

    static RunKey of(String job, Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!JobRunner.RUN_ID.equals(name)) {
                text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value);
            }
        });
        return new RunKey(job, text.toString());
    }

    static RunKey of(JobExecution execution) {
        return of(execution.getJobInstance().getJobName(), identifyingParameters(execution));
    }

    /** The execution's run's parameters as they were given: its identifying ones, {@code run.id} aside. */
    static Map<String, String> identifyingParameters(JobExecution execution) {
        Map<String, String> parameters = new TreeMap<>();
        execution.getJobParameters().parameters().stream()
                .filter(parameter -> parameter.identifying() && !JobRunner.RUN_ID.equals(parameter.name()))
                .forEach(parameter -> parameters.put(parameter.name(), String.valueOf(parameter.value())));
        return parameters;
    }

    /**
     * The run's PostgreSQL advisory lock key: the first 64 bits of a SHA-256 of the key, so that any two runs
     * share a lock only by a collision as unlikely as a random 64-bit match, and no other key space is
     * touched (two-int advisory keys do not overlap with bigint ones).
     */
    long lockId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("nightshift-run:" + this).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? job : job + " " + parameters.replace('&', ' ');
    }
}
