package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.job.JobDescription;
import com.nightshift.support.IntegrationTest;

/** The command line checks runs against its own list of jobs: it must be the engine's. */
class KnownJobsTest extends IntegrationTest {

    @Test
    void theCommandLineKnowsExactlyTheEnginesJobsAndTheirDescriptions(@Autowired List<Job> jobs,
                                                                        @Autowired List<JobDescription> descriptions) {
        assertThat(KnownJobs.ALL).containsExactlyInAnyOrderElementsOf(descriptions);
        assertThat(KnownJobs.ALL).extracting(JobDescription::name)
                .containsExactlyInAnyOrderElementsOf(jobs.stream().map(Job::getName).toList());
    }
}
