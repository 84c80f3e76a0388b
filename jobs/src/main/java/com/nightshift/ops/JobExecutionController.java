package com.nightshift.ops;

import java.net.URI;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators start a job and follow it: {@code POST /api/jobs/{job}/executions} with the parameters as a JSON
 * object (the same names and values as {@code run JOB key=value} on the command line) starts or resumes it in the
 * background; {@code GET /api/jobs/executions/{id}} tells how it is going.
 */
@RestController
class JobExecutionController {

    private final JobRunner runner;
    private final JobRepository repository;

    JobExecutionController(JobRunner runner, JobRepository repository) {
        this.runner = runner;
        this.repository = repository;
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
        JobExecution execution;
        try {
            execution = repository.getJobExecution(id);
        } catch (EmptyResultDataAccessException e) {
            // the JDBC repository's way of saying there is no such execution; others return null
            execution = null;
        }
        if (execution == null) {
            throw new UnknownJobExecutionException(id);
        }
        return JobExecutionView.of(execution);
    }
}
