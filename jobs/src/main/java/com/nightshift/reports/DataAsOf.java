package com.nightshift.reports;

import java.time.OffsetDateTime;

/**
 * The rollup state a report was rendered from, printed on it: every order change committed before {@code asOf}
 * is in its figures.
 *
 * @param asOf               when the oldest rollup among the report's store-days took its snapshot
 * @param rollupExecutionId  the rollup execution that produced that oldest state
 */
public record DataAsOf(OffsetDateTime asOf, long rollupExecutionId) {
}
