package com.nightshift.reports.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.nightshift.reports.Headline;
import com.nightshift.reports.ReportPeriod;

/**
 * Reads a report's figures from the rollup tables, never from {@code orders}: one query per kind of figure (store
 * totals, channel mix, top products), each run over the report's stores and dates, on the rollups' keys that
 * lead with the store.
 */
@Repository
public class RollupFigures {

    public static final int STORE_DAY_TOP_PRODUCTS = 10;
    public static final int WEEK_TOP_PRODUCTS = 20;

    private static final String STORE_TOTALS = """
            SELECT store_name, sum(orders) AS orders, sum(lines) AS lines, sum(quantity) AS quantity,
                   sum(gross_amount) AS gross, sum(refund_amount) AS refunds, sum(net_amount) AS net
              FROM rollup_store_daily
             WHERE business_date BETWEEN :from AND :to %s
             GROUP BY store_name""";
    private static final String CHANNEL_MIX = """
            SELECT channel AS name, sum(orders) AS orders, sum(quantity) AS quantity,
                   sum(gross_amount) AS gross, sum(refund_amount) AS refunds, sum(net_amount) AS net
              FROM rollup_store_channel_daily
             WHERE business_date BETWEEN :from AND :to %s
             GROUP BY channel
             ORDER BY net DESC, channel""";
    private static final String TOP_PRODUCTS = """
            SELECT product_name AS name, sum(orders) AS orders, sum(quantity) AS quantity,
                   sum(gross_amount) AS gross, sum(refund_amount) AS refunds, sum(net_amount) AS net
              FROM rollup_store_product_daily
             WHERE business_date BETWEEN :from AND :to %s
             GROUP BY product_name
             ORDER BY net DESC, product_name
             LIMIT :limit""";
    private static final String ONLY_STORES = "AND store_name IN (:stores)";

    private final NamedParameterJdbcTemplate jdbc;

    public RollupFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A store's business day, the day before and the same weekday a week earlier. */
    public Figures.StoreDay storeDay(String store, LocalDate date) {
        List<String> stores = List.of(store);
        return new Figures.StoreDay(store, date,
                storeTotals(stores, date, date).getOrDefault(store, Totals.NONE),
                storeTotals(stores, date.minusDays(1), date.minusDays(1)).getOrDefault(store, Totals.NONE),
                storeTotals(stores, date.minusWeeks(1), date.minusWeeks(1)).getOrDefault(store, Totals.NONE),
                breakdown(CHANNEL_MIX, stores, date, date, 0),
                breakdown(TOP_PRODUCTS, stores, date, date, STORE_DAY_TOP_PRODUCTS));
    }

    /**
     * A week of {@code stores}, or of every store the rollups have in that week or the week before when
     * {@code stores} is null (the chain).
     */
    public Figures.Week week(ReportPeriod week, List<String> stores) {
        LocalDate from = week.from();
        LocalDate to = week.to();
        Map<String, Headline> current = storeTotals(stores, from, to);
        Map<String, Headline> previous = storeTotals(stores, from.minusWeeks(1), to.minusWeeks(1));
        TreeSet<String> names = new TreeSet<>(stores == null ? current.keySet() : stores);
        if (stores == null) {
            names.addAll(previous.keySet());
        }
        List<StoreWeek> ranking = new ArrayList<>();
        for (String name : names) {
            ranking.add(new StoreWeek(name, current.getOrDefault(name, Totals.NONE),
                    previous.getOrDefault(name, Totals.NONE)));
        }
        ranking.sort(Comparator.comparing((StoreWeek s) -> s.week().net()).reversed()
                .thenComparing(StoreWeek::store));
        // the chain's breakdowns name its stores too: the keys of the channel and product rollups lead with the
        // store, so the week is then read by index instead of by scanning every date of every store
        List<String> selling = stores != null ? stores : List.copyOf(current.keySet());
        return new Figures.Week(from, Totals.sum(current.values()), Totals.sum(previous.values()), ranking,
                selling.isEmpty() ? List.of() : breakdown(CHANNEL_MIX, selling, from, to, 0),
                selling.isEmpty() ? List.of() : breakdown(TOP_PRODUCTS, selling, from, to, WEEK_TOP_PRODUCTS));
    }

    private Map<String, Headline> storeTotals(List<String> stores, LocalDate from, LocalDate to) {
        Map<String, Headline> totals = new HashMap<>();
        jdbc.query(STORE_TOTALS.formatted(stores == null ? "" : ONLY_STORES), parameters(stores, from, to, 0),
                (ResultSet row) -> {
                    totals.put(row.getString("store_name"), new Headline(row.getLong("orders"),
                            row.getLong("lines"), row.getLong("quantity"), amount(row, "gross"),
                            amount(row, "refunds"), amount(row, "net")));
                });
        return totals;
    }

    private List<Breakdown> breakdown(String sql, List<String> stores, LocalDate from, LocalDate to, int limit) {
        return jdbc.query(sql.formatted(stores == null ? "" : ONLY_STORES), parameters(stores, from, to, limit),
                (row, n) -> new Breakdown(row.getString("name"), row.getLong("orders"), row.getLong("quantity"),
                        amount(row, "gross"), amount(row, "refunds"), amount(row, "net")));
    }

    private static MapSqlParameterSource parameters(List<String> stores, LocalDate from, LocalDate to,
                                                    int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", from).addValue("to", to).addValue("limit", limit);
        if (stores != null) {
            // IN () is not SQL: a region with no stores asks for a name no store can have
            parameters.addValue("stores", stores.isEmpty() ? List.of("") : stores);
        }
        return parameters;
    }

    private static BigDecimal amount(ResultSet row, String column) throws SQLException {
        return row.getBigDecimal(column).setScale(2, RoundingMode.UNNECESSARY);
    }
}
