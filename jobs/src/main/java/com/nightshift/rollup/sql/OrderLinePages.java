package com.nightshift.rollup.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.RollupProperties;
import com.nightshift.rollup.compute.OrderLine;

/**
 * Reads a partition's order lines in date order, a page at a time, through the index on (store_name, order_date,
 * channel). Each page starts after the last line of the one before ({@code (order_date, id) > (last)}), so no page
 * rereads or skips lines, and memory holds one page whatever the partition's size. Pages see one snapshot only
 * when the caller's transaction is repeatable-read, which is how {@link PartitionRollup} calls it.
 */
@Repository
class OrderLinePages {

    // order_date >= the last page's date repeats the keyset bound in a form the index can start from
    private static final String PAGE = """
            SELECT id, order_date, order_no, product_name, channel, status, quantity, amount
            FROM orders
            WHERE store_name = ? AND order_date >= ? AND order_date <= ? AND (order_date, id) > (?, ?)
            ORDER BY order_date, id
            LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final int pageSize;

    OrderLinePages(JdbcTemplate jdbc, RollupProperties properties) {
        this.jdbc = jdbc;
        this.pageSize = properties.pageSize();
    }

    void forEachLine(RollupPartition partition, Consumer<OrderLine> consumer) {
        LocalDate lastDate = partition.from();
        long lastId = Long.MIN_VALUE;
        while (true) {
            List<OrderLine> page = jdbc.query(PAGE, OrderLinePages::line,
                    partition.store(), lastDate, partition.to(), lastDate, lastId, pageSize);
            page.forEach(consumer);
            if (page.size() < pageSize) {
                return;
            }
            OrderLine last = page.get(page.size() - 1);
            lastDate = last.date();
            lastId = last.id();
        }
    }

    private static OrderLine line(ResultSet rs, int row) throws SQLException {
        return new OrderLine(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, Integer.class), rs.getBigDecimal(8));
    }
}
