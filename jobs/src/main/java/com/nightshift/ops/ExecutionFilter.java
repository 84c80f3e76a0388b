package com.nightshift.ops;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.batch.core.BatchStatus;

/**
 * Which executions a page of the history holds: newest first, at most {@code limit}, those of one job and one
 * status if given, created at or after {@code since}, with an id below {@code before} (the last id of the page
 * before: keyset paging, so that a page costs the same however deep in the history it is).
 */
public record ExecutionFilter(String job, BatchStatus status, LocalDateTime since, Long before, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    /**
     * Reads the filter as an operator writes it; a null leaves that part out.
     *
     * @param since an ISO date-time with an offset, a local one (in this process's zone), or a date (its start)
     * @throws InvalidRequestParameterException naming the parameter that is wrong
     */
    public static ExecutionFilter of(String job, String status, String since, Long before, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestParameterException("limit", "'limit' must be between 1 and " + MAX_LIMIT
                    + ", was " + size);
        }
        if (before != null && before < 1) {
            throw new InvalidRequestParameterException("before", "'before' must be an execution id, was " + before);
        }
        return new ExecutionFilter(blankToNull(job), status(status), since(since), before, size);
    }

    private static BatchStatus status(String status) {
        if (blankToNull(status) == null) {
            return null;
        }
        try {
            return BatchStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestParameterException("status", "'status' must be one of "
                    + Arrays.toString(BatchStatus.values()) + ", was '" + status + "'");
        }
    }

    private static LocalDateTime since(String since) {
        if (blankToNull(since) == null) {
            return null;
        }
        String text = since.trim();
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay();
                } catch (DateTimeParseException notADate) {
                    throw new InvalidRequestParameterException("since", "'since' must be an ISO date-time such as "
                            + "2026-10-14T08:00:00+08:00 or a date such as 2026-10-14, was '" + since + "'");
                }
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
