package com.nightshift.rollup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a rollup run decided before it split its work, kept in the job's execution context so that a
 * restarted run finishes exactly the same plan (same range, same watermark window).
 */
public record RollupPlanContext(RollupMode mode, LocalDate from, LocalDate to, OffsetDateTime changedFrom,
                                OffsetDateTime changedBefore) {

    private static final String PREFIX = "rollup.";

    public static RollupPlanContext full(LocalDate from, LocalDate to) {
        return new RollupPlanContext(RollupMode.FULL, from, to, null, null);
    }

    public static RollupPlanContext incremental(OffsetDateTime changedFrom, OffsetDateTime changedBefore) {
        return new RollupPlanContext(RollupMode.INCREMENTAL, null, null, changedFrom, changedBefore);
    }

    public void writeTo(ExecutionContext context) {
        context.putString(PREFIX + "mode", mode.name());
        put(context, "from", from);
        put(context, "to", to);
        put(context, "changedFrom", changedFrom);
        put(context, "changedBefore", changedBefore);
    }

    /** The plan of the run this step belongs to. */
    public static RollupPlanContext of(StepExecution step) {
        return readFrom(step.getJobExecution().getExecutionContext());
    }

    private static RollupPlanContext readFrom(ExecutionContext context) {
        return new RollupPlanContext(RollupMode.valueOf(context.getString(PREFIX + "mode")),
                parse(context, "from", LocalDate::parse), parse(context, "to", LocalDate::parse),
                parse(context, "changedFrom", OffsetDateTime::parse),
                parse(context, "changedBefore", OffsetDateTime::parse));
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
