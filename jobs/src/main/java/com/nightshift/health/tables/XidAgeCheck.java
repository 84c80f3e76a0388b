package com.nightshift.health.tables;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * How close the database is to transaction-ID wraparound: at 2^31 transactions since the oldest unfrozen row,
 * PostgreSQL stops accepting writes until a vacuum freezes them. Autovacuum freezes long before (200 million by
 * default), so a large age means something keeps it from doing so.
 */

@Component
class XidAgeCheck implements HealthCheck {

    static final String NAME = "tables.xid-age";

    /** 2^31: past it a transaction ID would look like the future. */
    private static final double WRAPAROUND = 2_147_483_648.0;

    private final HealthQueries queries;
    private final TableThresholds thresholds;

    XidAgeCheck(HealthQueries queries, TableThresholds thresholds) {
        this.queries = queries;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.TABLES;
    }

    @Override
    public CheckResult run() {
        return queries.read(jdbc -> {
            long age = jdbc.queryForObject(
                    "SELECT age(datfrozenxid) FROM pg_database WHERE datname = current_database()", Long.class);
            List<String> oldest = jdbc.query("""
                    SELECT relname || ' (age ' || age(relfrozenxid) || ')' FROM pg_class
                    WHERE relnamespace = to_regnamespace(current_schema()) AND relkind IN ('r', 'm')
                    ORDER BY age(relfrozenxid) DESC, relname LIMIT 3""", (rs, row) -> rs.getString(1));
            double share = age / WRAPAROUND;
            HealthState state = share >= thresholds.xidAgeCrit() ? HealthState.CRIT
                    : share >= thresholds.xidAgeWarn() ? HealthState.WARN : HealthState.OK;
            String figures = "the oldest unfrozen transaction ID of the database is " + age + " transactions old, "
                    + Finding.percent(share) + " of the way to wraparound (warn at "
                    + Finding.percent(thresholds.xidAgeWarn()) + ", critical at "
                    + Finding.percent(thresholds.xidAgeCrit()) + "); oldest tables: " + String.join(", ", oldest);
            String advice = state == HealthState.OK ? "" : ". Run VACUUM (FREEZE) on the oldest tables now, and"
                    + " find what held autovacuum back: a long transaction, a session idle in transaction, a"
                    + " forgotten prepared transaction (pg_prepared_xacts) or replication slot (pg_replication_slots)";
            return new CheckResult(NAME, CheckGroup.TABLES, state, figures + advice,
                    List.of(new Measurement("xid_age_share", share * 100, thresholds.xidAgeWarn() * 100,
                            thresholds.xidAgeCrit() * 100, "%"), new Measurement("xid_age", age, null, null,
                            "transactions")));
        });
    }
}
