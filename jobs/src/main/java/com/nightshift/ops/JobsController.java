package com.nightshift.ops;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nightshift.job.JobDescription;

/**
 * {@code GET /api/jobs}: the jobs this engine runs and the parameters each takes, from the descriptions their
 * configurations publish (the same ones that check a start's parameters), so that a start form or a script
 * needs no list of its own.
 */
@RestController
class JobsController {

    private final List<JobDescription> jobs;

    JobsController(List<JobDescription> jobs) {
        this.jobs = jobs.stream().sorted(Comparator.comparing(JobDescription::name)).toList();
    }

    @GetMapping("/api/jobs")
    List<JobView> jobs() {
        return jobs.stream().map(JobView::of).toList();
    }

    /** A job as the API shows it; a parameter's {@code valueForm} is how its value is written. */
    record JobView(String name, String summary, List<ParameterView> parameters) {

        static JobView of(JobDescription job) {
            return new JobView(job.name(), job.summary(), job.parameters().stream()
                    .map(parameter -> new ParameterView(parameter.name(), parameter.type().name(),
                            parameter.valueForm(), parameter.defaultValue(), parameter.description(),
                            parameter.allowedValues()))
                    .toList());
        }
    }

    record ParameterView(String name, String type, String valueForm, String defaultValue, String description,
                         List<String> allowedValues) {
    }
}
