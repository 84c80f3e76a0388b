package com.nightshift.ops;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.CliRun;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

class JobTransactionTimeoutTest extends IntegrationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 14);
    private static final String[] RUN = {"run", "rollup", "mode=full", "from=" + DAY, "to=" + DAY,
            "--nightshift.ops.lock-timeout=1s", "--spring.quartz.scheduler-name=nightshift-timeout-test"};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRunBlockedByALockHeldElsewhereFailsSayingSoAndResumesOnceTheLockIsGone() throws Exception {
        RollupTableState.clear(jdbc);
        aLine().store("杭州西湖店").on(DAY).amount("12.34").insert(jdbc);
        CliRun blocked;
        try (Connection operator = dataSource.getConnection(); Statement statement = operator.createStatement()) {
            operator.setAutoCommit(false);
            statement.execute("LOCK TABLE rollup_store_daily IN ACCESS EXCLUSIVE MODE");

            blocked = CliRun.onTestServers(RUN);

            operator.rollback();
        }
        assertThat(blocked.exitCode()).as(blocked.err()).isEqualTo(1);
        assertThat(blocked.out()).contains("Job rollup FAILED", "canceling statement due to lock timeout");

        CliRun again = CliRun.onTestServers(RUN);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Job rollup COMPLETED");
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT job_instance_id) FROM batch_job_execution e "
                + "WHERE e.job_execution_id IN (SELECT max(job_execution_id) FROM batch_job_execution UNION "
                + "SELECT max(job_execution_id) - 1 FROM batch_job_execution)", Long.class))
                .as("the second run resumed the first").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT gross_amount::text FROM rollup_store_daily", String.class))
                .isEqualTo("12.34");
    }
}
