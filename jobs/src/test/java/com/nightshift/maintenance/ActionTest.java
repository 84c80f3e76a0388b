package com.nightshift.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** How a failed statement becomes an action's outcome and line. */
class ActionTest {

    @Test
    void aLockTimeoutWrappedBySpringIsStillASkip() {
        Action action = Action.failed("VACUUM (ANALYZE) orders", Duration.ofMillis(500), new CannotAcquireLockException(
                "StatementCallback", new SQLException("ERROR: canceling statement due to lock timeout", "55P03")));

        assertThat(action.outcome()).isEqualTo(Action.Outcome.SKIPPED);
        assertThat(action.line()).isEqualTo("VACUUM (ANALYZE) orders: skipped in 0.5 s (a lock was held elsewhere past "
                + "the lock timeout (nightshift.maintenance.lock-timeout): ERROR: canceling statement due to lock "
                + "timeout)");
    }

    @Test
    void anyOtherErrorIsAFailureNamingWhatWentWrong() {
        Action action = Action.failed("purge delivery ledger", Duration.ofMillis(1200),
                new SQLException("ERROR: could not serialize access", "40001"));

        assertThat(action.outcome()).isEqualTo(Action.Outcome.FAILED);
        assertThat(action.outcome().needsAttention()).isTrue();
        assertThat(action.line()).isEqualTo("purge delivery ledger: failed in 1.2 s (ERROR: could not serialize "
                + "access)");
    }

    @Test
    void aDryRunLineHasNoDuration() {
        assertThat(Action.wouldDo("VACUUM (ANALYZE) orders", "18000 dead rows of 20000").line())
                .isEqualTo("VACUUM (ANALYZE) orders: would do (18000 dead rows of 20000)");
    }
}
