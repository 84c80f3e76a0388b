package com.nightshift.health.data;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.health.jobs.GrantAwareCheck;

/**
 * Drift: a random sample of rolled-up store-days recomputed from their order lines, with plain SQL written from
 * the README's definition of the figures (not the rollup's code), and compared with the three rollup tables to the
 * cent. Any difference is CRIT and names the store, the date and both sets of figures. Only store-days whose
 * rollup saw every change to their lines are sampled (a newer change is the next incremental run's, not drift),
 * and sampling and recomputing are one statement, so they read one snapshot. Each store-day is one probe of the
 * {@code (store_name, order_date, channel)} index.
 */
@Component
class DriftCheck extends GrantAwareCheck {

    static final String NAME = "data.drift";
    private static final int NAMED = 5;

    private static final String DIFFERENCES = """
            WITH candidate AS MATERIALIZED (
                SELECT store_name, business_date, snapshot FROM rollup_store_day_state ORDER BY random() LIMIT ?),
            sample AS MATERIALIZED (
                SELECT c.store_name, c.business_date FROM candidate c
                WHERE NOT EXISTS (SELECT 1 FROM orders_changed_keys k
                                  WHERE k.store_name = c.store_name AND k.order_date = c.business_date
                                    AND NOT pg_visible_in_snapshot(k.xid, c.snapshot))
                LIMIT ?),
            line AS (
                SELECT s.store_name, s.business_date, o.order_no, o.status, o.quantity, o.amount, o.product_name,
                       o.channel
                FROM sample s JOIN orders o ON o.store_name = s.store_name AND o.order_date = s.business_date
                WHERE o.status IN ('completed', 'refunded')
                  AND btrim(o.order_no) <> '' AND btrim(o.product_name) <> '' AND btrim(o.channel) <> ''
                  AND o.amount IS NOT NULL AND o.quantity IS NOT NULL
                  AND NOT (o.status = 'completed' AND (o.quantity <= 0 OR o.amount < 0))
                  AND NOT (o.status = 'refunded' AND o.amount > 0)
                  AND o.amount = round(o.amount, 2) AND abs(o.amount) <= 9999999999.99),
            expected AS (
                SELECT 'store' AS grain, store_name, business_date, '' AS detail, %1$s, count(*) AS lines
                FROM line GROUP BY store_name, business_date
                UNION ALL
                SELECT 'product', store_name, business_date, product_name, %1$s, NULL FROM line
                GROUP BY store_name, business_date, product_name
                UNION ALL
                SELECT 'channel', store_name, business_date, channel, %1$s, NULL FROM line
                GROUP BY store_name, business_date, channel),
            stored AS (
                SELECT 'store' AS grain, s.store_name, s.business_date, '' AS detail, r.orders::bigint AS orders,
                       r.quantity, r.gross_amount AS gross, r.refund_amount AS refund, r.net_amount AS net,
                       r.lines::bigint AS lines
                FROM sample s JOIN rollup_store_daily r
                    ON r.store_name = s.store_name COLLATE "C" AND r.business_date = s.business_date
                UNION ALL
                SELECT 'product', s.store_name, s.business_date, r.product_name COLLATE "default", r.orders,
                       r.quantity, r.gross_amount, r.refund_amount, r.net_amount, NULL
                FROM sample s JOIN rollup_store_product_daily r
                    ON r.store_name = s.store_name COLLATE "C" AND r.business_date = s.business_date
                UNION ALL
                SELECT 'channel', s.store_name, s.business_date, r.channel COLLATE "default", r.orders,
                       r.quantity, r.gross_amount, r.refund_amount, r.net_amount, NULL
                FROM sample s JOIN rollup_store_channel_daily r
                    ON r.store_name = s.store_name COLLATE "C" AND r.business_date = s.business_date)
            SELECT (SELECT count(*) FROM sample) AS sampled,
                   coalesce(e.grain, st.grain) AS grain, coalesce(e.store_name, st.store_name) AS store_name,
                   coalesce(e.business_date, st.business_date) AS business_date,
                   coalesce(e.detail, st.detail) AS detail,
                   st.orders AS stored_orders, st.lines AS stored_lines, st.quantity AS stored_quantity,
                   st.gross AS stored_gross, st.refund AS stored_refund, st.net AS stored_net,
                   e.orders AS line_orders, e.lines AS line_lines, e.quantity AS line_quantity,
                   e.gross AS line_gross, e.refund AS line_refund, e.net AS line_net
            FROM expected e FULL JOIN stored st
                ON st.grain = e.grain AND st.store_name = e.store_name AND st.business_date = e.business_date
               AND st.detail = e.detail
            WHERE (e.orders, e.lines, e.quantity, e.gross, e.refund, e.net)
                  IS DISTINCT FROM (st.orders, st.lines, st.quantity, st.gross, st.refund, st.net)
            UNION ALL
            -- one row that always comes, so that an empty answer still says how many were sampled
            SELECT (SELECT count(*) FROM sample), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL, NULL
            ORDER BY 4 NULLS FIRST, 3, 2, 5
            """.formatted("""
            count(DISTINCT order_no) AS orders,
                       coalesce(sum(quantity) FILTER (WHERE status = 'completed'), 0) AS quantity,
                       coalesce(sum(amount) FILTER (WHERE status = 'completed'), 0) AS gross,
                       coalesce(-sum(amount) FILTER (WHERE status = 'refunded'), 0) AS refund,
                       sum(amount) AS net""");

    private final DataThresholds thresholds;

    DriftCheck(HealthQueries queries, DataThresholds thresholds) {
        super(NAME, CheckGroup.DATA, queries);
        this.thresholds = thresholds;
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        int sample = thresholds.driftSample();
        // twice the sample as candidates: a few may be waiting for their next rollup and are left out
        List<Difference> rows = jdbc.query(DIFFERENCES, DriftCheck::row, 2 * sample, sample);
        long sampled = rows.get(0).sampled();
        List<Difference> differences = rows.subList(1, rows.size());
        Map<String, List<Difference>> byStoreDay = differences.stream().collect(Collectors.groupingBy(
                d -> d.store() + " " + d.date(), LinkedHashMap::new, Collectors.toList()));
        List<Measurement> values = List.of(new Measurement("store_days_sampled", sampled, null, null, "store-days"),
                new Measurement("store_days_differing", byStoreDay.size(), null, 1.0, "store-days"));
        if (differences.isEmpty()) {
            return new CheckResult(NAME, group(), HealthState.OK, sampled == 0
                    ? "No rolled-up store-day to compare yet."
                    : String.format("%d store-days sampled at random: their rollups equal their order lines to the "
                    + "cent.", sampled), values);
        }
        String named = differences.stream().limit(NAMED).map(Difference::describe)
                .collect(Collectors.joining("; ")) + (differences.size() > NAMED ? "; and "
                + (differences.size() - NAMED) + " more rows" : "");
        Difference first = differences.get(0);
        return new CheckResult(NAME, group(), HealthState.CRIT, String.format("Rollups differ from their order "
                + "lines in %d of %d store-days sampled: %s. Something other than the rollup wrote these rows, or "
                + "lines changed without the triggers (a TRUNCATE, triggers disabled): roll the day up again "
                + "('nightshift run rollup mode=full from=%s to=%s'), then look for what wrote to the rollup tables.",
                byStoreDay.size(), sampled, named, first.date(), first.date()), values);
    }

    private static Difference row(ResultSet rs, int rowNum) throws SQLException {
        return new Difference(rs.getLong("sampled"), rs.getString("grain"), rs.getString("store_name"),
                rs.getObject("business_date", LocalDate.class), rs.getString("detail"),
                figures(rs, "stored_"), figures(rs, "line_"));
    }

    private static Figures figures(ResultSet rs, String prefix) throws SQLException {
        if (rs.getObject(prefix + "orders") == null) {
            return null;
        }
        return new Figures(rs.getLong(prefix + "orders"), (Long) rs.getObject(prefix + "lines", Long.class),
                rs.getLong(prefix + "quantity"), rs.getBigDecimal(prefix + "gross"),
                rs.getBigDecimal(prefix + "refund"), rs.getBigDecimal(prefix + "net"));
    }

    private record Difference(long sampled, String grain, String store, LocalDate date, String detail,
                              Figures stored, Figures fromLines) {

        String describe() {
            String what = grain.equals("store") ? "store total" : grain + " '" + detail + "'";
            return String.format("%s %s %s: stored %s, from the order lines %s", store, date, what,
                    stored == null ? "no row" : stored, fromLines == null ? "no row" : fromLines);
        }
    }

    private record Figures(long orders, Long lines, long quantity, BigDecimal gross, BigDecimal refund,
                           BigDecimal net) {

        @Override
        public String toString() {
            return "orders " + orders + (lines == null ? "" : ", lines " + lines) + ", quantity " + quantity
                    + ", gross " + cents(gross) + ", refund " + cents(refund) + ", net " + cents(net);
        }

        /** Both sides to the cent: a sum of nothing comes back from SQL as a bare 0. */
        private static String cents(BigDecimal amount) {
            return (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
        }
    }
}
