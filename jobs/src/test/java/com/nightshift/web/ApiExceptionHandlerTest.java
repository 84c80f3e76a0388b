package com.nightshift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * Races between two requests cannot be forced through the API deterministically; the mapping of what PostgreSQL
 * says when a request loses one is checked here.
 */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aUniqueKeyViolationIsAConflict() {
        ProblemDetail problem = handler.lostRace(new DuplicateKeyException("duplicate key value violates unique constraint"));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).contains("try again");
    }

    @Test
    void aSerializationFailureIsAConflict() {
        ProblemDetail problem = handler.lostRace(new PessimisticLockingFailureException(
                "could not serialize access due to concurrent update", new SQLException("", "40001")));

        assertThat(problem.getStatus()).isEqualTo(409);
    }

    @Test
    void aLockTimeoutIsAConflict() {
        assertThat(handler.lostRace(new CannotAcquireLockException("lock timeout")).getStatus()).isEqualTo(409);
    }

    @Test
    void anyOtherDatabaseFailureIsAServerErrorThatRevealsNoSql() {
        ProblemDetail problem = handler.databaseError(new BadSqlGrammarException("read", "SELECT secret FROM x",
                new SQLException("relation x does not exist")));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("SELECT", "secret");
    }
}
