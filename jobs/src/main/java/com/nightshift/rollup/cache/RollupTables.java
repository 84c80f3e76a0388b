package com.nightshift.rollup.cache;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import com.nightshift.rollup.RollupGrain;
import com.nightshift.rollup.RollupRow;
import com.nightshift.rollup.StoreChannelDailyRow;
import com.nightshift.rollup.StoreDailyRow;
import com.nightshift.rollup.StoreProductDailyRow;

/**
 * Reads the rollup tables, the source of truth behind the cache. Every query uses the primary key
 * (store, business date[, detail]), and returns rows ordered by date, then product or channel.
 */
@Component
class RollupTables {

    private final JdbcTemplate jdbc;

    RollupTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores with rollup rows on or after {@code from}. */
    List<String> storesSince(LocalDate from) {
        return jdbc.queryForList("SELECT DISTINCT store_name FROM rollup_store_daily WHERE business_date >= ?",
                String.class, from);
    }

    /** One store's rows over a date range, grouped by day; every day of the range is present, maybe empty. */
    Map<RollupDay, List<RollupRow>> read(RollupGrain grain, String store, DateRange dates) {
        List<RollupRow> rows = jdbc.query(
                select(grain) + " WHERE t.store_name = ? AND t.business_date BETWEEN ? AND ?" + orderBy(grain),
                mapper(grain), store, dates.from(), dates.to());
        return byDay(grain, RollupDay.of(grain, store, dates), rows);
    }

    /** The rows of the given store-days of one grain in one query; every day asked for is present, maybe empty. */
    Map<RollupDay, List<RollupRow>> read(RollupGrain grain, Collection<RollupDay> days) {
        if (days.isEmpty()) {
            return Map.of();
        }
        String[] stores = days.stream().map(RollupDay::store).toArray(String[]::new);
        String[] dates = days.stream().map(day -> day.businessDate().toString()).toArray(String[]::new);
        List<RollupRow> rows = jdbc.query(select(grain)
                        + " JOIN unnest(?::text[], ?::date[]) AS wanted(store_name, business_date)"
                        + " USING (store_name, business_date)" + orderBy(grain),
                mapper(grain), stores, dates);
        return byDay(grain, days, rows);
    }

    /** Rows of one grain grouped by day: every day asked for is present, maybe empty. */
    static Map<RollupDay, List<RollupRow>> byDay(RollupGrain grain, Collection<RollupDay> days,
            List<RollupRow> rows) {
        Map<RollupDay, List<RollupRow>> byDay = new LinkedHashMap<>();
        days.forEach(day -> byDay.put(day, new ArrayList<>()));
        for (RollupRow row : rows) {
            byDay.get(new RollupDay(grain, row.store(), row.businessDate())).add(row);
        }
        byDay.replaceAll((day, dayRows) -> List.copyOf(dayRows));
        return byDay;
    }

    private static String select(RollupGrain grain) {
        return "SELECT t.* FROM " + grain.table() + " t";
    }

    private static String orderBy(RollupGrain grain) {
        return " ORDER BY t.business_date" + grain.detailColumn().map(column -> ", t." + column).orElse("");
    }

    private static RowMapper<RollupRow> mapper(RollupGrain grain) {
        return switch (grain) {
            case STORE_DAILY -> (rs, n) -> new StoreDailyRow(date(rs), rs.getString("store_name"),
                    rs.getInt("orders"), rs.getInt("lines"), rs.getLong("quantity"), rs.getBigDecimal("gross_amount"),
                    rs.getBigDecimal("refund_amount"), rs.getBigDecimal("net_amount"));
            case STORE_PRODUCT_DAILY -> (rs, n) -> new StoreProductDailyRow(date(rs), rs.getString("store_name"),
                    rs.getString("product_name"), rs.getInt("orders"), rs.getLong("quantity"),
                    rs.getBigDecimal("gross_amount"), rs.getBigDecimal("refund_amount"),
                    rs.getBigDecimal("net_amount"));
            case STORE_CHANNEL_DAILY -> (rs, n) -> new StoreChannelDailyRow(date(rs), rs.getString("store_name"),
                    rs.getString("channel"), rs.getInt("orders"), rs.getLong("quantity"),
                    rs.getBigDecimal("gross_amount"), rs.getBigDecimal("refund_amount"),
                    rs.getBigDecimal("net_amount"));
        };
    }

    private static LocalDate date(ResultSet rs) throws SQLException {
        return rs.getObject("business_date", LocalDate.class);
    }
}
