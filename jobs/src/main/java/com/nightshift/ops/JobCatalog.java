package com.nightshift.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

/** The jobs this engine can run, by name. */
@Component
public class JobCatalog {

    private final Map<String, Job> jobs;

    public JobCatalog(List<Job> jobs) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity(), (a, b) -> a,
                TreeMap::new));
    }

    public Job job(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new UnknownJobException(name, jobs.keySet());
        }
        return job;
    }

    public List<String> names() {
        return List.copyOf(jobs.keySet());
    }
}
