package com.nightshift.ops;

/**
 * An engine that takes no new runs, as while it shuts down (its scheduler already on standby, its runs being
 * stopped), for as long as this is open: the moment a fire taken just before the shutdown meets.
 */
public final class NewRunsRefused implements AutoCloseable {

    private final JobRunner runner;

    private NewRunsRefused(JobRunner runner) {
        this.runner = runner;
    }

    public static NewRunsRefused by(JobRunner runner) {
        runner.takeNewRuns(false);
        return new NewRunsRefused(runner);
    }

    @Override
    public void close() {
        runner.takeNewRuns(true);
    }
}
