package com.nightshift.rollup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rollup rows the tables hold for a partition, read before it is recomputed, and the deletion of keys whose
 * rows vanished or changed. Works in the caller's transaction.
 */
@Repository
class CurrentRollupRows {

    /** One statement for all three grains: one round trip per partition. Amounts come back in cents. */
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

    PartitionRows read(RollupPartition partition) {
        Map<RollupGrain, List<PartitionRow>> rows = new EnumMap<>(RollupGrain.class);
        for (RollupGrain grain : RollupGrain.values()) {
            rows.put(grain, new ArrayList<>());
        }
        jdbc.query(READ, result -> {
            rows.get(RollupGrain.values()[result.getInt(1)]).add(row(result));
        }, partition.store(), partition.from(), partition.to(), partition.store(), partition.from(), partition.to(),
                partition.store(), partition.from(), partition.to());
        return new PartitionRows(partition.store(), rows.get(RollupGrain.STORE_DAILY),
                rows.get(RollupGrain.STORE_PRODUCT_DAILY), rows.get(RollupGrain.STORE_CHANNEL_DAILY));
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

    private static String readGrain(RollupGrain grain) {
        return "SELECT " + grain.ordinal() + ", business_date, "
                + grain.detailColumn().orElse("NULL::text") + ", orders, "
                + (grain == RollupGrain.STORE_DAILY ? "lines" : "0") + ", quantity, "
                + "(gross_amount * 100)::bigint, (refund_amount * 100)::bigint FROM " + grain.table()
                + " WHERE store_name = ? AND business_date BETWEEN ? AND ?";
    }

    private static PartitionRow row(ResultSet result) throws SQLException {
        return new PartitionRow(result.getObject(2, LocalDate.class), result.getString(3), result.getLong(4),
                result.getLong(5), result.getLong(6), result.getLong(7), result.getLong(8));
    }

    private record KeyOf(String store, PartitionRow row) {
    }
}
