package com.nightshift.rollup.compute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nightshift.rollup.RollupGrain;

/**
 * What it takes to turn the rows a partition's tables hold into the rows just computed for it: the keys to
 * delete (whose row vanished or changed) and the rows to insert (new or changed). Rows that did not change are
 * left alone, so recomputing a partition whose lines barely moved writes a handful of rows, not all of them.
 */
public record RollupRowsChange(PartitionRows deletes, PartitionRows inserts, long keysChanged) {

    public static RollupRowsChange between(PartitionRows current, PartitionRows computed) {
        if (!current.store().equals(computed.store())) {
            throw new IllegalArgumentException("rows of " + current.store() + " compared with rows of "
                    + computed.store());
        }
        if (current.size() == 0) {
            // a first run over these dates: everything is new, nothing to look up
            return new RollupRowsChange(new PartitionRows(computed.store(), List.of(), List.of(), List.of()),
                    computed, computed.size());
        }
        List<List<PartitionRow>> deletes = new ArrayList<>();
        List<List<PartitionRow>> inserts = new ArrayList<>();
        long keysChanged = 0;
        for (RollupGrain grain : RollupGrain.values()) {
            Map<Key, PartitionRow> held = new HashMap<>();
            for (PartitionRow row : current.of(grain)) {
                held.put(new Key(row.day(), row.name()), row);
            }
            List<PartitionRow> grainDeletes = new ArrayList<>();
            List<PartitionRow> grainInserts = new ArrayList<>();
            for (PartitionRow row : computed.of(grain)) {
                PartitionRow old = held.remove(new Key(row.day(), row.name()));
                if (old == null || !sameStoredValues(grain, old, row)) {
                    if (old != null) {
                        grainDeletes.add(old);
                    }
                    grainInserts.add(row);
                    keysChanged++;
                }
            }
            grainDeletes.addAll(held.values());
            keysChanged += held.size();
            deletes.add(grainDeletes);
            inserts.add(grainInserts);
        }
        return new RollupRowsChange(rows(computed.store(), deletes), rows(computed.store(), inserts), keysChanged);
    }

    /** Product and channel rows keep no line count, so theirs never differs. */
    private static boolean sameStoredValues(RollupGrain grain, PartitionRow held, PartitionRow computed) {
        return held.orders() == computed.orders()
                && held.quantity() == computed.quantity()
                && held.grossCents() == computed.grossCents()
                && held.refundCents() == computed.refundCents()
                && (grain != RollupGrain.STORE_DAILY || held.lines() == computed.lines());
    }

    private static PartitionRows rows(String store, List<List<PartitionRow>> byGrain) {
        return new PartitionRows(store, byGrain.get(RollupGrain.STORE_DAILY.ordinal()),
                byGrain.get(RollupGrain.STORE_PRODUCT_DAILY.ordinal()),
                byGrain.get(RollupGrain.STORE_CHANNEL_DAILY.ordinal()));
    }

    private record Key(LocalDate day, String name) {
    }
}
