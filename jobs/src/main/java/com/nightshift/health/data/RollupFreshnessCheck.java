package com.nightshift.health.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.health.jobs.GrantAwareCheck;

/**
 * Whether the rollups keep up, read from the rollup's own bookkeeping (README, "The rollup"):
 * <ul>
 * <li>yesterday, in the chain's zone, has a rollup state ({@code rollup_store_day_state}) for every store with
 *     lines that day; a store missing is CRIT, as the morning's reports would lack it;</li>
 * <li>store-days whose lines changed after their rollup (a note in {@code orders_changed_keys} that the store-day's
 *     snapshot does not see) are waiting for the next incremental run. The notes carry transaction ids, not times,
 *     so the wait is judged by how long ago the last incremental run planned: with changes waiting and that plan
 *     older than the thresholds, incremental runs are behind.</li>
 * </ul>
 */
@Component
class RollupFreshnessCheck extends GrantAwareCheck {

    static final String NAME = "data.rollup-freshness";
    private static final int NAMED = 5;

    // the store list by a loose index scan, one probe of the (store_name, order_date, channel) index per store: a scan of
    // orders by date alone would read all 10 M lines
    private static final String NOT_ROLLED_UP = """
            WITH RECURSIVE stores(store_name) AS (
                (SELECT store_name FROM orders WHERE store_name IS NOT NULL ORDER BY store_name LIMIT 1)
                UNION ALL
                SELECT (SELECT o.store_name FROM orders o WHERE o.store_name > s.store_name
                        ORDER BY o.store_name LIMIT 1)
                FROM stores s WHERE s.store_name IS NOT NULL),
            sold AS (
                SELECT s.store_name FROM stores s
                WHERE s.store_name IS NOT NULL
                  AND EXISTS (SELECT 1 FROM orders o WHERE o.store_name = s.store_name AND o.order_date = ?))
            SELECT sold.store_name,
                   NOT EXISTS (SELECT 1 FROM rollup_store_day_state st
                               WHERE st.store_name = sold.store_name AND st.business_date = ?) AS missing
            FROM sold ORDER BY 1""";

    private static final String WAITING = """
            WITH waiting AS (
                SELECT DISTINCT k.store_name, k.order_date FROM orders_changed_keys k
                LEFT JOIN rollup_store_day_state st ON st.store_name = k.store_name AND st.business_date = k.order_date
                WHERE k.store_name IS NOT NULL AND k.order_date IS NOT NULL
                  AND (st.snapshot IS NULL OR NOT pg_visible_in_snapshot(k.xid, st.snapshot)))
            SELECT (SELECT count(*) FROM waiting) AS store_days,
                   (SELECT string_agg(store_name || ' ' || order_date, ', ' ORDER BY order_date, store_name)
                      FROM (SELECT * FROM waiting ORDER BY order_date, store_name LIMIT ?) first) AS first,
                   (SELECT extract(epoch FROM clock_timestamp() - planned_at)::float8 FROM rollup_watermark
                     WHERE id = 1) AS lag_seconds""";

    private final DataThresholds thresholds;
    private final BusinessCalendar calendar;

    RollupFreshnessCheck(HealthQueries queries, DataThresholds thresholds, BusinessCalendar calendar) {
        super(NAME, CheckGroup.DATA, queries);
        this.thresholds = thresholds;
        this.calendar = calendar;
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        LocalDate yesterday = calendar.yesterday();
        List<Map<String, Object>> sold = jdbc.queryForList(NOT_ROLLED_UP, yesterday, yesterday);
        List<String> missing = sold.stream().filter(row -> (Boolean) row.get("missing"))
                .map(row -> (String) row.get("store_name")).toList();
        Map<String, Object> waiting = jdbc.queryForMap(WAITING, NAMED);
        long storeDays = ((Number) waiting.get("store_days")).longValue();
        Double lag = (Double) waiting.get("lag_seconds");
        double warn = thresholds.incrementalLagWarn().toSeconds();
        double crit = thresholds.incrementalLagCrit().toSeconds();

        HealthState state = missing.isEmpty() ? HealthState.OK : HealthState.CRIT;
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(String.format("yesterday (%s) is not rolled up for %d of the %d stores with lines: %s; "
                    + "run 'nightshift run rollup mode=full from=%s to=%s' (the rollup-full schedule does it at "
                    + "01:00) and look at jobs.failed", yesterday, missing.size(), sold.size(),
                    String.join(", ", missing.subList(0, Math.min(NAMED, missing.size())))
                            + (missing.size() > NAMED ? " and " + (missing.size() - NAMED) + " more" : ""),
                    yesterday, yesterday));
        }
        if (storeDays > 0) {
            HealthState behind = lag == null ? HealthState.WARN : HealthState.above(lag, warn, crit);
            state = state.worse(behind);
            if (behind != HealthState.OK) {
                problems.add(String.format("%d store-days changed after their rollup are waiting (%s%s); %s "
                        + "(warn at %.0f min, crit at %.0f min): look at jobs.failed and the rollup-incremental "
                        + "schedule, or run 'nightshift run rollup mode=incremental'", storeDays, waiting.get("first"),
                        storeDays > NAMED ? ", ..." : "", lag == null ? "no incremental rollup has completed yet"
                                : String.format("the last incremental run planned %.0f min ago", lag / 60),
                        warn / 60, crit / 60));
            }
        }
        List<Measurement> values = new ArrayList<>(List.of(
                new Measurement("stores_not_rolled_up_yesterday", missing.size(), null, 1.0, "stores"),
                new Measurement("stores_with_lines_yesterday", sold.size(), null, null, "stores"),
                new Measurement("store_days_waiting", storeDays, null, null, "store-days")));
        if (lag != null) {
            // no value rather than NaN before the first incremental run: the history keeps values as JSON
            values.add(new Measurement("incremental_lag", lag, warn, crit, "s"));
        }
        if (state == HealthState.OK) {
            return new CheckResult(NAME, group(), state, String.format("Yesterday (%s) is rolled up for all %d "
                    + "stores with lines; %d store-days wait for the next incremental run%s.", yesterday, sold.size(),
                    storeDays, lag == null ? "" : String.format(" (the last planned %.0f s ago)", lag)), values);
        }
        return new CheckResult(NAME, group(), state, "Rollups are behind: " + String.join("; ", problems) + ".",
                values);
    }
}
