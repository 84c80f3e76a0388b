package com.nightshift.health.database;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Share of the block reads of tables and of indexes that PostgreSQL's buffers served (pg_statio, since the
 * statistics reset): below the threshold, reads go to disk and the database needs more {@code shared_buffers} or
 * memory. The worse of the two ratios decides; too few reads to judge is OK and says so.
 */
@Component
class CacheHitCheck implements HealthCheck {

    static final String NAME = "database.cache-hit";

    private final HealthQueries queries;
    private final DatabaseThresholds thresholds;

    CacheHitCheck(HealthQueries queries, DatabaseThresholds thresholds) {
        this.queries = queries;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.DATABASE;
    }

    @Override
    public CheckResult run() {
        Map<String, Object> row = queries.read(jdbc -> jdbc.queryForMap("""
                SELECT (SELECT coalesce(sum(heap_blks_hit), 0) FROM pg_statio_user_tables) AS table_hit,
                       (SELECT coalesce(sum(heap_blks_read), 0) FROM pg_statio_user_tables) AS table_read,
                       (SELECT coalesce(sum(idx_blks_hit), 0) FROM pg_statio_user_indexes) AS index_hit,
                       (SELECT coalesce(sum(idx_blks_read), 0) FROM pg_statio_user_indexes) AS index_read
                """));
        Ratio tables = new Ratio("tables", number(row, "table_hit"), number(row, "table_read"));
        Ratio indexes = new Ratio("indexes", number(row, "index_hit"), number(row, "index_read"));
        double warn = thresholds.cacheHitWarnPercent();
        double crit = thresholds.cacheHitCritPercent();
        List<Measurement> values = List.of(
                new Measurement("table_hit_ratio", tables.percent(), warn, crit, "%"),
                new Measurement("index_hit_ratio", indexes.percent(), warn, crit, "%"),
                new Measurement("block_reads", tables.total() + indexes.total(), null, null, "blocks"));
        if (tables.total() + indexes.total() < thresholds.cacheHitMinBlocks()) {
            return new CheckResult(NAME, group(), HealthState.OK, String.format("Too few block reads since the "
                    + "statistics reset (%d, judged from %d) to judge the cache hit ratio.",
                    tables.total() + indexes.total(), thresholds.cacheHitMinBlocks()), values);
        }
        Ratio worse = tables.percent() <= indexes.percent() ? tables : indexes;
        HealthState state = Judged.below(tables.percent(), warn, crit)
                .worse(Judged.below(indexes.percent(), warn, crit));
        String message = state == HealthState.OK
                ? String.format("Cache hit ratio: tables %.2f%%, indexes %.2f%%.", tables.percent(),
                        indexes.percent())
                : String.format("Cache hit ratio of %s is %.2f%% (warn below %.0f%%, crit below %.0f%%; tables "
                        + "%.2f%%, indexes %.2f%%): reads go to disk. Give PostgreSQL more shared_buffers or the "
                        + "server more memory, or look for large sequential scans (indexes checks).", worse.of(),
                        worse.percent(), warn, crit, tables.percent(), indexes.percent());
        return new CheckResult(NAME, group(), state, message, values);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private record Ratio(String of, long hits, long reads) {

        long total() {
            return hits + reads;
        }

        /** 100 when nothing was read: no read missed the cache. */
        double percent() {
            return total() == 0 ? 100.0 : 100.0 * hits / total();
        }
    }
}
