package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.nightshift.rollup.RollupPartition;

/**
 * The partitions whose Redis keys could not be replaced after they committed, kept in the database
 * ({@code rollup_cache_repair}): until a warm-up redoes them their keys may hold the rows from before, and the
 * warm-up that does so may run in another process, after the one that failed has exited.
 */
@Repository
class CacheRepairs {

    private static final Logger log = LoggerFactory.getLogger(CacheRepairs.class);

    private final JdbcTemplate jdbc;

    CacheRepairs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Collection<RollupPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate("INSERT INTO rollup_cache_repair (store_name, first_day, last_day) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", partitions, partitions.size(), (statement, partition) -> {
                        statement.setString(1, partition.store());
                        statement.setObject(2, partition.from());
                        statement.setObject(3, partition.to());
                    });
        } catch (DataAccessException e) {
            log.error("Cannot note {} for a cache repair: their Redis keys may serve old rows until they expire",
                    partitions, e);
        }
    }

    /** Oldest first. */
    List<RollupPartition> pending() {
        return jdbc.query("SELECT store_name, first_day, last_day FROM rollup_cache_repair ORDER BY noted_at",
                (rs, row) -> new RollupPartition(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)));
    }

    void remove(RollupPartition partition) {
        jdbc.update("DELETE FROM rollup_cache_repair WHERE store_name = ? AND first_day = ? AND last_day = ?",
                partition.store(), partition.from(), partition.to());
    }

    /** For the gauge: NaN when the database cannot say. */
    double count() {
        try {
            return jdbc.queryForObject("SELECT count(*) FROM rollup_cache_repair", Long.class);
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
