package com.nightshift.maintenance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nightshift.job.JobDescription;
import com.nightshift.job.ParameterDescription;

/** The maintenance job's one parameter, {@code dryRun=true|false} (default false). {@link #DESCRIPTION} says so. */
public final class MaintenanceRequest {

    static final String DRY_RUN = "dryRun";

    /** The maintenance job, for help, the command line's checks and the API. */
    public static final JobDescription DESCRIPTION = new JobDescription(MaintenanceJobConfiguration.JOB,
            "Vacuum tables with many dead rows, rebuild invalid indexes and purge what is older than its retention "
            + "(job history, report archives, the delivery ledger, health results); each action is listed with "
            + "its duration, and a table in use is skipped.", List.of(
            ParameterDescription.choice(DRY_RUN, "false", "true only lists what a run would do, changing nothing",
                    "true", "false")));

    private MaintenanceRequest() {
    }

    /** Whether the parameters, checked against {@link #DESCRIPTION}, ask for a dry run. */
    static boolean dryRun(Map<String, String> parameters) {
        return Boolean.parseBoolean(parameters.getOrDefault(DRY_RUN, "false").toLowerCase(Locale.ROOT));
    }
}
