package com.nightshift.ops;

import java.net.URI;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators start a job and follow it: {@code POST /api/jobs/{job}/executions} with the parameters as a JSON
 * object (the same names and values as {@code run JOB key=value} on the command line) starts or resumes it in the
 * background; {@code GET /api/jobs/executions/{id}} tells how it is going; {@code POST
 * /api/jobs/executions/{id}/stop} stops it at its next chunk boundary, on whichever instance runs it.
 */
@RestController
class JobExecutionController {

    private final JobRunner runner;
    private final JobHistory history;

    JobExecutionController(JobRunner runner, JobHistory history) {
        this.runner = runner;
        this.history = history;
    }

    @PostMapping("/api/jobs/{job}/executions")
    ResponseEntity<JobExecutionView> start(@PathVariable String job,
                                           @RequestBody(required = false) Map<String, String> parameters)
            throws Exception {
        JobExecution execution = runner.start(job,
                JobParametersParser.checked(parameters == null ? Map.of() : parameters));
        return ResponseEntity.accepted()
                .location(URI.create("/api/jobs/executions/" + execution.getId()))
                .body(JobExecutionView.of(execution));
    }

    @GetMapping("/api/jobs/executions/{id}")
    JobExecutionView execution(@PathVariable long id) {
        return JobExecutionView.of(history.execution(id).orElseThrow(() -> new UnknownJobExecutionException(id)));
    }

    @PostMapping("/api/jobs/executions/{id}/stop")
    ResponseEntity<JobExecutionView> stop(@PathVariable long id) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/jobs/executions/" + id))
                .body(JobExecutionView.of(runner.stop(id)));
    }
}
