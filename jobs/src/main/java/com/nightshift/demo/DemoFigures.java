package com.nightshift.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** A few of the day's figures, read from the rollups, to show what the engine computed. */
@Service
public class DemoFigures {

    private final JdbcTemplate jdbc;

    public DemoFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Figure> chainAndTopStores(LocalDate date) {
        List<Figure> figures = new ArrayList<>(jdbc.query("""
                SELECT '全部门店 (chain)', coalesce(sum(orders), 0), coalesce(sum(net_amount), 0)
                FROM rollup_store_daily WHERE business_date = ?
                """, (rs, row) -> new Figure(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)), date));
        figures.addAll(jdbc.query("""
                SELECT store_name, orders, net_amount FROM rollup_store_daily
                WHERE business_date = ? ORDER BY net_amount DESC, store_name LIMIT 3
                """, (rs, row) -> new Figure(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)), date));
        figures.addAll(jdbc.query("""
                SELECT channel, sum(orders), sum(net_amount) FROM rollup_store_channel_daily
                WHERE business_date = ? GROUP BY channel ORDER BY 3 DESC
                """, (rs, row) -> new Figure(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)), date));
        return figures;
    }

    /** Orders and net sales of one store, one channel or the whole chain on one day. */
    public record Figure(String what, long orders, BigDecimal netAmount) {
    }
}
