package com.nightshift.rollup.cache;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import com.nightshift.rollup.RollupPartition;

/**
 * The partitions whose Redis keys may still hold rows from before their last commit ({@code rollup_cache_repair}):
 * an outbox. A transaction that commits rollup rows notes its partitions in the same commit ({@link #note}), and
 * the note is removed only once their keys have been replaced. So whatever happens in between (Redis down, the
 * process killed), the note outlives it, and the next warm-up, in whichever process runs it, redoes the partitions.
 */
@Repository
class CacheOutbox {

    private static final Logger log = LoggerFactory.getLogger(CacheOutbox.class);

    /**
     * Locks each store for the rest of the transaction before its note takes its id, the stores in name order
     * (no deadlock): two transactions noting one store then get ids in the order they commit, and the ids serve as
     * versions that refuse an older commit's refresh arriving after a newer one's. The lock is taken at the end of
     * the transaction, so a second transaction on the store waits only for the first one's commit.
     */
    private static final String NOTE = """
            INSERT INTO rollup_cache_repair (store_name, first_day, last_day)
            SELECT n.store_name, n.first_day, n.last_day
            FROM unnest(?::text[], ?::date[], ?::date[]) AS n(store_name, first_day, last_day)
            CROSS JOIN LATERAL (SELECT pg_advisory_xact_lock(%d, hashtext(n.store_name))) AS store_locked
            RETURNING id, store_name, first_day, last_day
            """.formatted(CacheOutbox.LOCK_CLASS);

    /** The first key of the cache's advisory locks, two-key locks that no one else in Nightshift takes. */
    private static final int LOCK_CLASS = 0x4e53_4341;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    CacheOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Notes {@code partitions} in the caller's transaction, in one statement; the note commits or rolls back with
     * the caller's rows.
     *
     * @return each partition's note id, for {@link #remove}
     */
    Map<RollupPartition, Long> note(Collection<RollupPartition> partitions) {
        Map<RollupPartition, Long> ids = new HashMap<>();
        if (partitions.isEmpty()) {
            return ids;
        }
        List<RollupPartition> byStore = partitions.stream()
                .sorted(Comparator.comparing(RollupPartition::store)).toList();
        jdbc.query(NOTE, (RowCallbackHandler) rs -> ids.merge(new RollupPartition(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)), rs.getLong(1), Math::max),
                byStore.stream().map(RollupPartition::store).toArray(String[]::new),
                byStore.stream().map(partition -> partition.from().toString()).toArray(String[]::new),
                byStore.stream().map(partition -> partition.to().toString()).toArray(String[]::new));
        return ids;
    }

    /**
     * Notes {@code partitions} in a transaction of its own, for a refresh that failed outside any rollup
     * transaction. A note that cannot be written is logged: the keys may then serve old rows until they expire.
     */
    void noteNow(Collection<RollupPartition> partitions) {
        try {
            ownTransaction.executeWithoutResult(status -> note(partitions));
        } catch (DataAccessException | TransactionException e) {
            log.error("Cannot note {} for a cache refresh: their Redis keys may serve old rows until they expire",
                    partitions, e);
        }
    }

    /**
     * Removes the notes {@code ids} in one statement, committed at once in a transaction of its own: the caller
     * may be a synchronization of a transaction that has already committed, whose connection no longer commits
     * anything (with a pool that does not auto-commit, what it ran would be rolled back when it is returned).
     * A failure only leaves the notes for the next warm-up, which redoes them harmlessly.
     */
    void remove(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "DELETE FROM rollup_cache_repair WHERE id = ANY(?)", (Object) ids.toArray(Long[]::new)));
        } catch (DataAccessException | TransactionException e) {
            log.warn("Cannot remove the cache notes {}; the next warm-up redoes them: {}", ids, e.getMessage());
        }
    }

    /** Oldest first. */
    List<Note> pending() {
        return jdbc.query("SELECT id, store_name, first_day, last_day FROM rollup_cache_repair ORDER BY id",
                (rs, row) -> new Note(rs.getLong(1), new RollupPartition(rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))));
    }

    /** For the gauge: NaN when the database cannot say. */
    double count() {
        try {
            return jdbc.queryForObject("SELECT count(*) FROM rollup_cache_repair", Long.class);
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    /** One partition's note. */
    record Note(long id, RollupPartition partition) {
    }
}
