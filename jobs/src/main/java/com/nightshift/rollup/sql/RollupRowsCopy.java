package com.nightshift.rollup.sql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.compute.PartitionRow;
import com.nightshift.rollup.compute.PartitionRows;

/**
 * Writes partitions' rollup rows with {@code COPY}, in the caller's transaction: one round trip per table,
 * no statement per row, and the server fills whole heap pages at once.
 */
@Repository
class RollupRowsCopy {

    private static final String STORE_DAILY = "COPY rollup_store_daily (store_name, business_date, orders, lines, "
            + "quantity, gross_amount, refund_amount, net_amount) FROM STDIN";
    private static final String STORE_PRODUCT_DAILY = "COPY rollup_store_product_daily (store_name, business_date, "
            + "product_name, orders, quantity, gross_amount, refund_amount, net_amount) FROM STDIN";
    private static final String STORE_CHANNEL_DAILY = "COPY rollup_store_channel_daily (store_name, business_date, "
            + "channel, orders, quantity, gross_amount, refund_amount, net_amount) FROM STDIN";

    private final JdbcTemplate jdbc;

    RollupRowsCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All the partitions' rows: one {@code COPY} per table, each partition's rows in key order. */
    void write(List<PartitionRows> partitions) {
        copy(STORE_DAILY, partitions, RollupGrain.STORE_DAILY);
        copy(STORE_PRODUCT_DAILY, partitions, RollupGrain.STORE_PRODUCT_DAILY);
        copy(STORE_CHANNEL_DAILY, partitions, RollupGrain.STORE_CHANNEL_DAILY);
    }

    private void copy(String sql, List<PartitionRows> partitions, RollupGrain grain) {
        int rowCount = partitions.stream().mapToInt(partition -> partition.of(grain).size()).sum();
        if (rowCount == 0) {
            return;
        }
        StringBuilder text = new StringBuilder(rowCount * 96);
        for (PartitionRows partition : partitions) {
            String storeField = field(partition.store());
            for (PartitionRow row : partition.of(grain)) {
                appendRow(text, storeField, row, grain == RollupGrain.STORE_DAILY);
            }
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(sql, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new SQLException("cannot copy rollup rows", e);
            }
        });
    }

    // A method per row, not a loop body: a method is compiled after a few hundred calls, a loop in a method
    // called a few times per transaction only after tens of thousands of turns, which a short run never reaches.
    private static void appendRow(StringBuilder text, String storeField, PartitionRow row, boolean storeGrain) {
        text.append(storeField).append('\t').append(row.day()).append('\t');
        if (storeGrain) {
            text.append(row.orders()).append('\t').append(row.lines());
        } else {
            text.append(field(row.name())).append('\t').append(row.orders());
        }
        text.append('\t').append(row.quantity());
        text.append('\t').append(amount(row.grossCents()));
        text.append('\t').append(amount(row.refundCents()));
        text.append('\t').append(amount(row.netCents()));
        text.append('\n');
    }

    /** A value in COPY's text format, where backslash, tab and line breaks are escaped. */
    static String field(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Cents as the exact decimal the numeric(14,2) columns take, such as 1234.05 or -2.50. */
    static String amount(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
