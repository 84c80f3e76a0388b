package com.nightshift.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/** An orders table as a chain's old system kept it: no updated_at, no id generator, no checks, dirty rows. */
final class LegacyOrdersTable {

    static final String INSERT_WITHOUT_ID = "INSERT INTO orders (order_no, store_name, order_date, ordered_at, "
            + "product_name, channel, quantity, amount, status) VALUES (?, ?, DATE '2026-11-01', "
            + "TIMESTAMPTZ '2026-11-01 12:00+08', ?, ?, ?, CAST(? AS numeric), ?)";

    private static final Map<String, String> COLUMNS = columns();

    private LegacyOrdersTable() {
    }

    static void createWithDirtyRows(JdbcTemplate jdbc) {
        createWithTypes(jdbc, Map.of());
        jdbc.execute("""
                INSERT INTO orders VALUES
                  (1, 'A-1', '北京朝阳店', '2026-10-01', '2026-10-01 12:00+08', '招牌牛肉面', '堂食', 1, 32.50, 'completed'),
                  (2, 'A-2', '', '2026-10-01', '2026-10-01 12:05+08', '招牌牛肉面', '堂食', 1, 32.50, 'completed'),
                  (3, 'A-3', '北京朝阳店', '2026-10-01', '2026-10-01 12:10+08', '经典蛋挞', '美团外卖', 0, 8.00, 'completed'),
                  (4, 'A-4', '北京朝阳店', '2026-10-02', '2026-10-02 12:00+08', '经典蛋挞', '饿了么', 2, 16.00, 'lost'),
                  (5, 'A-5', NULL, '2026-10-02', '2026-10-02 13:00+08', '经典蛋挞', '小程序', 1, 8.00, 'completed'),
                  (6, 'A-6', '北京朝阳店', '2026-10-02', '2026-10-02 14:00+08', '经典蛋挞', '团购', 1, -8.00, 'refunded')
                """);
    }

    /** The old system's table with some columns of other types, e.g. {@code order_date} as a timestamp. */
    static void createWithTypes(JdbcTemplate jdbc, Map<String, String> types) {
        String columns = COLUMNS.entrySet().stream()
                .map(column -> column.getKey() + " " + types.getOrDefault(column.getKey(), column.getValue()))
                .collect(Collectors.joining(", "));
        jdbc.execute("CREATE TABLE orders (" + columns + ", PRIMARY KEY (id))");
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "bigint");
        columns.put("order_no", "text");
        columns.put("store_name", "text");
        columns.put("order_date", "date");
        columns.put("ordered_at", "timestamptz");
        columns.put("product_name", "text");
        columns.put("channel", "text");
        columns.put("quantity", "int");
        columns.put("amount", "numeric(12,2)");
        columns.put("status", "text");
        return columns;
    }
}
