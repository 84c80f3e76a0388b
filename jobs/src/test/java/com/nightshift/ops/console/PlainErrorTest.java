package com.nightshift.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nightshift.ops.JobExecutionView;
import com.nightshift.ops.StepCounts;

class PlainErrorTest {

    private static final String STACK = "org.springframework.dao.DataAccessResourceFailureException: could not "
            + "extend file\n\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:1)\n";

    @Test
    void theMessageIsTheJobsFirstLineWithoutJavaClassNames() {
        PlainError error = PlainError.of(failed("stopped after 3 partitions. Cause: PSQLException: ERROR: disk full",
                STACK));

        assertThat(error.message()).isEqualTo("stopped after 3 partitions. Cause: ERROR: disk full");
    }

    @Test
    void theTraceHoldsTheJobsTextAndEveryFailedStepsStackTrace() {
        PlainError error = PlainError.of(failed("stopped after 3 partitions", STACK));

        assertThat(error.trace()).startsWith("stopped after 3 partitions").contains("[rollupPartitionsStep]")
                .contains("\tat org.springframework.jdbc");
    }

    @Test
    void withoutTheJobsWordsTheFirstFailedStepSaysWhy() {
        PlainError error = PlainError.of(failed("", STACK));

        assertThat(error.message()).isEqualTo("could not extend file");
    }

    @Test
    void anExecutionThatLeftNothingToSayHasNoError() {
        assertThat(PlainError.of(failed(null, null))).isNull();
    }

    private static JobExecutionView failed(String jobDescription, String stepDescription) {
        StepCounts none = new StepCounts(0, 0, 0, 0);
        JobExecutionView.StepView step = new JobExecutionView.StepView(2, "rollupPartitionsStep", "FAILED", "FAILED",
                stepDescription, null, null, null, none);
        return new JobExecutionView(1, "rollup", "FAILED", "FAILED", jobDescription, Map.of(), null, null, null, null,
                none, null, List.of(step));
    }
}
