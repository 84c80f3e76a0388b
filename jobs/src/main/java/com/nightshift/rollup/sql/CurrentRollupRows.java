package com.nightshift.rollup.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.compute.PartitionRow;
import com.nightshift.rollup.compute.PartitionRows;

/**
 * The rollup rows the tables hold for partitions, read before they are recomputed, and the deletion of keys whose
 * rows vanished or changed. Works in the caller's transaction.
 */
@Repository
class CurrentRollupRows {

    /**
     * One statement for all three grains and for all the stores of partitions that share their dates (the
     * one-day partitions of an incremental run usually all do): one round trip per chunk, not per partition.
     * Amounts come back in cents.
     */
    private static final String READ = String.join(" UNION ALL ", List.of(RollupGrain.values()).stream()
            .map(CurrentRollupRows::readGrain)
            .toList());

    private static final Map<RollupGrain, String> DELETE = new EnumMap<>(RollupGrain.class);

    static {
        for (RollupGrain grain : RollupGrain.values()) {
            DELETE.put(grain, "DELETE FROM " + grain.table() + " WHERE store_name = ? AND business_date = ?"
                    + grain.detailColumn().map(column -> " AND " + column + " = ?").orElse(""));
        }
    }

    private final JdbcTemplate jdbc;

    CurrentRollupRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows each partition's tables hold now, by partition. */
    Map<RollupPartition, PartitionRows> read(List<RollupPartition> partitions) {
        Map<Dates, Map<String, RollupPartition>> byDates = new LinkedHashMap<>();
        for (RollupPartition partition : partitions) {
            byDates.computeIfAbsent(new Dates(partition.from(), partition.to()), dates -> new LinkedHashMap<>())
                    .put(partition.store(), partition);
        }
        Map<RollupPartition, Map<RollupGrain, List<PartitionRow>>> rows = new LinkedHashMap<>();
        partitions.forEach(partition -> rows.put(partition, emptyGrains()));
        byDates.forEach((dates, byStore) -> jdbc.query(READ, statement -> {
            // the driver sends a String[] as a text[]
            String[] stores = byStore.keySet().toArray(String[]::new);
            for (int grain = 0; grain < RollupGrain.values().length; grain++) {
                statement.setObject(3 * grain + 1, stores);
                statement.setObject(3 * grain + 2, dates.from());
                statement.setObject(3 * grain + 3, dates.to());
            }
        }, result -> {
            RollupPartition partition = byStore.get(result.getString(2));
            rows.get(partition).get(RollupGrain.values()[result.getInt(1)]).add(row(result));
        }));
        Map<RollupPartition, PartitionRows> current = new LinkedHashMap<>();
        rows.forEach((partition, grains) -> current.put(partition, new PartitionRows(partition.store(),
                grains.get(RollupGrain.STORE_DAILY), grains.get(RollupGrain.STORE_PRODUCT_DAILY),
                grains.get(RollupGrain.STORE_CHANNEL_DAILY))));
        return current;
    }

    /** Deletes the keys of the given rows, one batch per table. */
    void delete(List<PartitionRows> partitions) {
        for (RollupGrain grain : RollupGrain.values()) {
            List<KeyOf> keys = new ArrayList<>();
            for (PartitionRows partition : partitions) {
                for (PartitionRow row : partition.of(grain)) {
                    keys.add(new KeyOf(partition.store(), row));
                }
            }
            if (keys.isEmpty()) {
                continue;
            }
            boolean detailed = grain.detailColumn().isPresent();
            jdbc.batchUpdate(DELETE.get(grain), keys, keys.size(), (statement, key) -> {
                statement.setString(1, key.store());
                statement.setObject(2, key.row().day());
                if (detailed) {
                    statement.setString(3, key.row().name());
                }
            });
        }
    }

    private static Map<RollupGrain, List<PartitionRow>> emptyGrains() {
        Map<RollupGrain, List<PartitionRow>> grains = new EnumMap<>(RollupGrain.class);
        for (RollupGrain grain : RollupGrain.values()) {
            grains.put(grain, new ArrayList<>());
        }
        return grains;
    }

    private static String readGrain(RollupGrain grain) {
        return "SELECT " + grain.ordinal() + ", store_name, business_date, "
                + grain.detailColumn().orElse("NULL::text") + ", orders, "
                + (grain == RollupGrain.STORE_DAILY ? "lines" : "0") + ", quantity, "
                + "(gross_amount * 100)::bigint, (refund_amount * 100)::bigint FROM " + grain.table()
                + " WHERE store_name = ANY (?) AND business_date BETWEEN ? AND ?";
    }

    private static PartitionRow row(ResultSet result) throws SQLException {
        return new PartitionRow(result.getObject(3, LocalDate.class), result.getString(4), result.getLong(5),
                result.getLong(6), result.getLong(7), result.getLong(8), result.getLong(9));
    }

    private record KeyOf(String store, PartitionRow row) {
    }

    private record Dates(LocalDate from, LocalDate to) {
    }
}
