package com.nightshift.rollup.job;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.nightshift.rollup.sql.Watermark.Position;

/**
 * What a rollup run decided before it split its work, kept in the job's execution context so that a
 * restarted run finishes exactly the same plan (same range, or the same pair of snapshots).
 *
 * @param since for an incremental run, the watermark it starts from; null for the first one ("every line")
 * @param until for an incremental run, the snapshot it planned from, its watermark once it completes
 */
record RollupPlanContext(RollupMode mode, LocalDate from, LocalDate to, Position since, Position until) {

    private static final String PREFIX = "rollup.";

    static RollupPlanContext full(LocalDate from, LocalDate to) {
        return new RollupPlanContext(RollupMode.FULL, from, to, null, null);
    }

    static RollupPlanContext incremental(Position since, Position until) {
        return new RollupPlanContext(RollupMode.INCREMENTAL, null, null, since, until);
    }

    void writeTo(ExecutionContext context) {
        context.putString(PREFIX + "mode", mode.name());
        put(context, "from", from);
        put(context, "to", to);
        if (since != null) {
            put(context, "since.snapshot", since.snapshot());
            put(context, "since.plannedAt", since.plannedAt());
        }
        if (until != null) {
            put(context, "until.snapshot", until.snapshot());
            put(context, "until.plannedAt", until.plannedAt());
        }
    }

    /** The plan of the run this step belongs to. */
    static RollupPlanContext of(StepExecution step) {
        return readFrom(step.getJobExecution().getExecutionContext());
    }

    private static RollupPlanContext readFrom(ExecutionContext context) {
        return new RollupPlanContext(RollupMode.valueOf(context.getString(PREFIX + "mode")),
                parse(context, "from", LocalDate::parse), parse(context, "to", LocalDate::parse),
                position(context, "since"), position(context, "until"));
    }

    private static Position position(ExecutionContext context, String name) {
        String snapshot = parse(context, name + ".snapshot", Function.identity());
        return snapshot == null ? null
                : new Position(snapshot, parse(context, name + ".plannedAt", OffsetDateTime::parse));
    }

    private static void put(ExecutionContext context, String key, Object value) {
        if (value != null) {
            context.putString(PREFIX + key, value.toString());
        }
    }

    private static <T> T parse(ExecutionContext context, String key, Function<String, T> parser) {
        String text = context.containsKey(PREFIX + key) ? context.getString(PREFIX + key) : null;
        return text == null ? null : parser.apply(text);
    }
}
