package com.nightshift.ops;

/** What a step did, or a job's steps together: items read, written and skipped, and chunks committed. */
public record StepCounts(long read, long written, long skipped, long commits) {

    static final StepCounts NONE = new StepCounts(0, 0, 0, 0);

    StepCounts plus(StepCounts other) {
        return new StepCounts(read + other.read, written + other.written, skipped + other.skipped,
                commits + other.commits);
    }
}
