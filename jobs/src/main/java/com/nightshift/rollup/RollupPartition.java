package com.nightshift.rollup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One unit of rollup work: a store and a range of business dates, recomputed and committed as a whole.
 * Its name is stable, so a restarted run recognises the partitions that already committed.
 */
public record RollupPartition(String store, LocalDate from, LocalDate to) {

    public RollupPartition {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("partition of " + store + " starts " + from + ", after its end " + to);
        }
    }

    private static final String STORE = "store";
    private static final String FROM = "from";
    private static final String TO = "to";

    /** Step execution names are limited in length, and store names are free text: hash the store. */
    public String name() {
        return "p-" + from + "-" + to + "-" + shortHash(store);
    }

    public ExecutionContext toContext() {
        ExecutionContext context = new ExecutionContext();
        context.putString(STORE, store);
        context.putString(FROM, from.toString());
        context.putString(TO, to.toString());
        return context;
    }

    public static RollupPartition fromContext(ExecutionContext context) {
        return new RollupPartition(context.getString(STORE), LocalDate.parse(context.getString(FROM)),
                LocalDate.parse(context.getString(TO)));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
