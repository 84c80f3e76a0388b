package com.nightshift.schedules.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.nightshift.ops.JobAlreadyRunningException;
import com.nightshift.ops.TooManyRunsException;
import com.nightshift.schedules.FireRefusedException;
import com.nightshift.schedules.ScheduleFileException;
import com.nightshift.schedules.ScheduleStateException;
import com.nightshift.schedules.UnknownScheduleException;
import com.nightshift.schedules.ScheduleAnswers;
import com.nightshift.web.Problems;

/**
 * Answers a refused schedule operation with an RFC 9457 problem detail, as the jobs API does; a refused reload
 * lists every problem of the files in {@code errors}.
 */
@RestControllerAdvice(assignableTypes = SchedulesController.class)
class SchedulesApiExceptionHandler {

    @ExceptionHandler(UnknownScheduleException.class)
    ProblemDetail notFound(UnknownScheduleException e) {
        return Problems.of(ScheduleAnswers.statusOf(e), "Not found", e.getMessage());
    }

    @ExceptionHandler(ScheduleStateException.class)
    ProblemDetail wrongState(ScheduleStateException e) {
        return Problems.of(ScheduleAnswers.statusOf(e), "Schedule not in that state", e.getMessage());
    }

    @ExceptionHandler({FireRefusedException.class, JobAlreadyRunningException.class})
    ProblemDetail alreadyRunning(RuntimeException e) {
        return Problems.of(ScheduleAnswers.statusOf(e), "Job already running", e.getMessage());
    }

    /** This instance is shutting down or runs as many jobs as it may: another one, or later, takes the fire. */
    @ExceptionHandler(TooManyRunsException.class)
    ProblemDetail busy(TooManyRunsException e) {
        return Problems.of(ScheduleAnswers.statusOf(e), "Too many runs", e.getMessage());
    }

    @ExceptionHandler(InvalidPreviewCountException.class)
    ProblemDetail invalidCount(InvalidPreviewCountException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request parameter", e.getMessage());
        problem.setProperty("parameter", "count");
        return problem;
    }

    /** The schedules that were running keep running: nothing of the files was used. */
    @ExceptionHandler(ScheduleFileException.class)
    ProblemDetail invalidFiles(ScheduleFileException e) {
        ProblemDetail problem = Problems.of(ScheduleAnswers.statusOf(e), "Invalid schedule files",
                e.problems().size() + " problem(s) in the schedule files; nothing was reloaded and the schedules "
                        + "running before keep running");
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
