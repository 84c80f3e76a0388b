package com.nightshift.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The one mapping from an operation's refusal to the status the API, the console and the command line record. */
class OpsAnswersTest {

    @Test
    void eachRefusalHasTheApisStatus() {
        assertThat(OpsAnswers.statusOf(new UnknownJobExecutionException(42))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(OpsAnswers.statusOf(new UnknownJobException("rolup", List.of("rollup"))))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(OpsAnswers.statusOf(new MalformedJobParameterException("from"))).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(OpsAnswers.statusOf(new JobAlreadyRunningException("running"))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(OpsAnswers.statusOf(new JobNotRestartableException("completed"))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(OpsAnswers.statusOf(new JobNotRunningException("ended"))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(OpsAnswers.statusOf(new TooManyRunsException("busy")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aFailureThatIsNoRefusalIsAServerError() {
        assertThat(OpsAnswers.statusOf(new IllegalStateException("broken")))
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void anExecutionIsFoundAtTheApisAddress() {
        assertThat(OpsAnswers.location(43)).hasToString("/api/jobs/executions/43");
    }
}
