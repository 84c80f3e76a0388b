package com.nightshift.cli;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;

import com.nightshift.config.InfrastructureUnavailableException;
import com.nightshift.embedded.ServerNotConfiguredException;
import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.JobNotRestartableException;
import com.nightshift.ops.JobNotRunningException;
import com.nightshift.ops.MalformedJobParameterException;
import com.nightshift.ops.UnknownJobException;
import com.nightshift.ops.UnknownJobExecutionException;
import com.nightshift.schedules.ScheduleFileException;
import com.nightshift.schedules.UnknownScheduleException;
import com.nightshift.schema.SchemaNotReadyException;

/**
 * Turns a failure into what the operator sees: one line saying what is wrong, and an exit code. Only
 * failures that are not the operator's doing point to the log file for their stack trace.
 */
record FailureReport(int exitCode, String line) {

    static FailureReport of(Throwable failure, String logFile) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ScheduleFileException files) {
                // every problem on a line of its own: the operator fixes them all in one go
                return new FailureReport(ExitCodes.USAGE, "the schedule files have " + files.problems().size()
                        + " problem(s); nothing of them is used:" + System.lineSeparator()
                        + String.join(System.lineSeparator(), files.problems()));
            }
            if (cause instanceof UnknownScheduleException) {
                return new FailureReport(ExitCodes.USAGE, cause.getMessage());
            }
            if (cause instanceof UnknownJobException || cause instanceof MalformedJobParameterException
                    || cause instanceof InvalidJobParametersException || cause instanceof IllegalArgumentException) {
                return new FailureReport(ExitCodes.USAGE, cause.getMessage());
            }
            if (cause instanceof UnknownJobExecutionException) {
                return new FailureReport(ExitCodes.USAGE, cause.getMessage());
            }
            if (cause instanceof JobAlreadyRunningException || cause instanceof JobNotRunningException
                    || cause instanceof JobNotRestartableException) {
                return new FailureReport(ExitCodes.FAILED, cause.getMessage());
            }
            if (cause instanceof ServerNotConfiguredException) {
                return new FailureReport(ExitCodes.USAGE, cause.getMessage());
            }
            if (cause instanceof SchemaNotReadyException) {
                return new FailureReport(ExitCodes.SCHEMA, cause.getMessage());
            }
            if (cause instanceof InfrastructureUnavailableException) {
                return new FailureReport(ExitCodes.UNAVAILABLE, cause.getMessage());
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return new FailureReport(ExitCodes.UNAVAILABLE, "cannot connect: " + cause.getMessage());
            }
        }
        return new FailureReport(ExitCodes.FAILED, failure.getClass().getSimpleName() + ": " + failure.getMessage()
                + " (details in " + logFile + ")");
    }
}
