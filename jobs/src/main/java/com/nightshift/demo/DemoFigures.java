package com.nightshift.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** A few of the day's figures, read from the rollups, to show what the engine computed. */
@Service
public class DemoFigures {

    private static final RowMapper<Figure> FIGURE =
            (rs, row) -> new Figure(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3));

    private final JdbcTemplate jdbc;

    public DemoFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DayFigures of(LocalDate date) {
        Figure chain = jdbc.queryForObject("""
                SELECT '全部门店', coalesce(sum(orders), 0), coalesce(sum(net_amount), 0)
                FROM rollup_store_daily WHERE business_date = ?
                """, FIGURE, date);
        List<Figure> topStores = jdbc.query("""
                SELECT store_name, orders, net_amount FROM rollup_store_daily
                WHERE business_date = ? ORDER BY net_amount DESC, store_name LIMIT 3
                """, FIGURE, date);
        List<Figure> channels = jdbc.query("""
                SELECT channel, sum(orders), sum(net_amount) FROM rollup_store_channel_daily
                WHERE business_date = ? GROUP BY channel ORDER BY 3 DESC, 1
                """, FIGURE, date);
        return new DayFigures(date, chain, topStores, channels);
    }

    /** One business day: the whole chain, its three best stores by net sales, and every channel. */
    public record DayFigures(LocalDate date, Figure chain, List<Figure> topStores, List<Figure> channels) {
    }

    /** Orders and net sales of one store, one channel or the whole chain on one day. */
    public record Figure(String what, long orders, BigDecimal netAmount) {
    }
}
