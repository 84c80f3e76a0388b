package com.nightshift.ops;

import java.security.Principal;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators start a job and follow it: {@code POST /api/jobs/{job}/executions} with the parameters as a JSON
 * object (the same names and values as {@code run JOB key=value} on the command line) starts or resumes it in the
 * background; {@code GET /api/jobs/executions/{id}} tells how it is going, step by step; {@code POST
 * /api/jobs/executions/{id}/stop} stops it at its next chunk boundary, on whichever instance runs it, and {@code
 * POST /api/jobs/executions/{id}/restart} resumes a failed or stopped one. {@code GET /api/jobs/executions} is the
 * history, newest first, a page at a time.
 */
@RestController
class JobExecutionController {

    private final JobRunner runner;
    private final JobHistory history;
    private final JobExecutions executions;

    JobExecutionController(JobRunner runner, JobHistory history, JobExecutions executions) {
        this.runner = runner;
        this.history = history;
        this.executions = executions;
    }

    @PostMapping("/api/jobs/{job}/executions")
    ResponseEntity<JobExecutionView> start(@PathVariable String job,
                                           @RequestBody(required = false) Map<String, String> parameters,
                                           Principal user) throws Exception {
        JobExecution execution = runner.start(job, JobParametersParser.checked(parameters == null ? Map.of()
                : parameters), StartedBy.notes(StartedBy.API, user));
        return ResponseEntity.accepted()
                .location(OpsAnswers.location(execution.getId()))
                .body(JobExecutionView.of(execution));
    }

    @GetMapping("/api/jobs/executions")
    JobExecutions.Page executions(@RequestParam(required = false) String job,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String since,
                                  @RequestParam(required = false) Long before,
                                  @RequestParam(required = false) Integer limit) {
        return executions.page(ExecutionFilter.of(job, status, since, before, limit));
    }

    @GetMapping("/api/jobs/executions/{id}")
    JobExecutionView execution(@PathVariable long id) {
        return JobExecutionView.of(history.execution(id).orElseThrow(() -> new UnknownJobExecutionException(id)));
    }

    @PostMapping("/api/jobs/executions/{id}/stop")
    ResponseEntity<JobExecutionView> stop(@PathVariable long id) {
        return ResponseEntity.accepted()
                .location(OpsAnswers.location(id))
                .body(JobExecutionView.of(runner.stop(id)));
    }

    @PostMapping("/api/jobs/executions/{id}/restart")
    ResponseEntity<JobExecutionView> restart(@PathVariable long id) throws Exception {
        JobExecution execution = runner.restart(id);
        return ResponseEntity.accepted()
                .location(OpsAnswers.location(execution.getId()))
                .body(JobExecutionView.of(execution));
    }
}
