package com.nightshift.ops;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

/**
 * The locks that make a run exclusive: a PostgreSQL session-level advisory lock per {@link RunKey}, held by the
 * process that runs it, on a connection of its own, from before its execution is chosen until it has ended.
 * PostgreSQL releases it when that connection ends, so a process that dies (kill -9, a lost machine) frees its
 * runs at once, and an execution left STARTED whose lock nobody holds is known to be dead.
 *
 * <p>The connections do not come from the pool: a lock is held for the whole run, which would trip the pool's
 * leak detection and take a connection from the steps. Each held lock is checked every
 * {@code nightshift.ops.lock-check-every}: the query keeps its connection from looking idle to firewalls, and a
 * lock found lost (its connection broken) stops the run at its next chunk, since another instance could now
 * start the same run.
 */
@Component
class RunLocks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunLocks.class);
    private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();
    private static final String HOLDER_PREFIX = "nightshift run lock ";
    static final Set<String> RUNNING = Set.of(BatchStatus.STARTING.name(), BatchStatus.STARTED.name(),
            BatchStatus.STOPPING.name());

    private final DataSource connections;
    private final JdbcTemplate jdbc;
    private final JobHistory history;
    private final Map<RunKey, RunLock> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-lock-check");
        thread.setDaemon(true);
        return thread;
    });

    RunLocks(DataSourceProperties dataSource, JdbcTemplate jdbc, JobHistory history, OpsProperties properties) {
        this.connections = unpooled(dataSource);
        this.jdbc = jdbc;
        this.history = history;
        long every = properties.lockCheckEvery().toMillis();
        checks.scheduleWithFixedDelay(this::checkAll, every, every, TimeUnit.MILLISECONDS);
    }

    private static DataSource unpooled(DataSourceProperties properties) {
        SimpleDriverDataSource dataSource = properties.initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class).build();
        Properties connectionProperties = new Properties();
        // names this process in pg_stat_activity, which is how another instance says who holds a run
        connectionProperties.setProperty("ApplicationName", HOLDER_PREFIX + PROCESS);
        connectionProperties.setProperty("tcpKeepAlive", "true");
        // A machine lost without closing its connections would leave the lock held until the server's own TCP
        // keepalives give up, two hours by default: this session's notice a silent peer within about a minute.
        // nor wait for ever on one: a lock check or release gives up on a silent server
        connectionProperties.setProperty("socketTimeout", "30");
        connectionProperties.setProperty("options",
                "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3");
        dataSource.setConnectionProperties(connectionProperties);
        return dataSource;
    }

    /** Takes the run's lock for this process; empty when it is held, here or elsewhere. */
    Optional<RunLock> tryLock(RunKey key) {
        if (held.containsKey(key)) {
            return Optional.empty();
        }
        // two threads of this process cannot both get it: each asks on a session of its own
        return Optional.ofNullable(RunLock.tryTake(connections, key)).map(lock -> {
            held.put(key, lock);
            return lock;
        });
    }

    /** The run's lock if this process holds it. */
    Optional<RunLock> heldHere(RunKey key) {
        return Optional.ofNullable(held.get(key));
    }

    /**
     * Releases the lock if this process still holds it; any process may then start the run.
     *
     * @return whether this call released it (false when another thread, e.g. the run's end, did first)
     */
    boolean release(RunLock lock) {
        if (held.remove(lock.key(), lock)) {
            lock.close();
            return true;
        }
        return false;
    }

    /** The executions this process runs now. */
    List<Long> executionsRunningHere() {
        return held.values().stream().map(RunLock::execution).flatMap(Optional::stream).toList();
    }

    /**
     * Who holds the run's lock, as PostgreSQL sees it, for messages: e.g. "nightshift run lock 4242@host (pid 77,
     * since ...)". A role without pg_read_all_stats sees other roles' application name but not their start.
     */
    String holder(RunKey key) {
        return jdbc.queryForList("""
                SELECT format('%s (pid %s%s)', coalesce(nullif(a.application_name, ''), 'a session'), l.pid,
                              ', since ' || to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'))
                FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND ((l.classid::bigint << 32) | l.objid::bigint) = ?
                """, String.class, key.lockId()).stream().findFirst().orElse("no process any more");
    }

    void checkAll() {
        held.forEach((key, lock) -> {
            try {
                check(key, lock);
            } catch (RuntimeException e) {
                log.warn("Cannot check the run lock of {}: {}", key, e.getMessage());
            }
        });
    }

    private void check(RunKey key, RunLock lock) {
        Optional<Long> executionId = lock.execution();
        if (executionId.isEmpty()) {
            return;
        }
        long id = executionId.get();
        Optional<String> status = history.status(id);
        if (status.isPresent() && !RUNNING.contains(status.get())) {
            // a run that never reached its listeners (stopped before it began) still has to let go
            log.info("Releasing the run lock of {}: execution {} is {}", key, id, status.get());
            release(lock);
        } else if (!lock.stillHeld() && release(lock)) {
            // released here, not by the run's end in the meantime: the connection really broke
            log.error("Lost the run lock of {} (its database connection broke): stopping execution {} at its "
                    + "next chunk, since another instance could now start the same run", key, id);
            history.askToStop(id);
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
        held.values().forEach(this::release);
    }
}
