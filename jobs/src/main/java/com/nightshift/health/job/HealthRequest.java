package com.nightshift.health.job;

import java.util.List;

import com.nightshift.job.JobDescription;

/** The health job takes no parameters: it always runs every check. {@link #DESCRIPTION} says so as data. */
public final class HealthRequest {

    /** The health job, for help, the command line's checks and the API. */
    public static final JobDescription DESCRIPTION = new JobDescription(HealthJobConfiguration.JOB,
            "Check the database, its indexes, tables and sessions, Redis, the rollups against the orders, the jobs "
            + "and their schedules and letters, the mail server and the disk; keep every result, email "
            + "nightshift.alerts.recipients when a check changes state, and print each check's state (the run "
            + "completes even when checks find trouble).", List.of());

    private HealthRequest() {
    }
}
