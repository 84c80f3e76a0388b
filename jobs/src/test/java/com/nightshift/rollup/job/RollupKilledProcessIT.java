package com.nightshift.rollup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.support.CliRun;
import com.nightshift.support.ExpectedRollups;
import com.nightshift.support.JarProcess;
import com.nightshift.support.Migrations;
import com.nightshift.support.TestServers;
import com.zaxxer.hikari.HikariDataSource;

/** A rollup whose process is killed in the middle, then run again with the same command. */
class RollupKilledProcessIT {

    private static final String[] RUN = {"run", "rollup", "mode=full", "from=2026-10-01", "to=2026-11-09"};

    @TempDir
    Path workDir;

    @Test
    void runningTheSameCommandAfterAKillFinishesOnlyWhatHadNotCommitted() throws Exception {
        String url = TestServers.get().newDatabase("killed");
        assertThat(CliRun.onDatabase(url, "generate", "--orders", "6000", "--days", "40", "--stores", "6",
                "--seed", "3", "--until", "2026-11-09").exitCode()).isZero();
        try (HikariDataSource dataSource = Migrations.dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String slowStore = jdbc.queryForList("SELECT DISTINCT store_name FROM orders ORDER BY 1", String.class)
                    .get(3);
            jdbc.execute("""
                    CREATE FUNCTION test_stall() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.store_name = '%s' THEN PERFORM pg_sleep(600); END IF; RETURN NEW; END $$
                    """.formatted(slowStore));
            jdbc.execute("CREATE TRIGGER test_stall BEFORE INSERT ON rollup_store_daily "
                    + "FOR EACH ROW EXECUTE FUNCTION test_stall()");

            List<String> committedBeforeKill;
            try (JarProcess rollup = JarProcess.start(workDir, engineArguments(url, RUN))) {
                await().atMost(Duration.ofMinutes(2)).until(() -> stalled(jdbc));
                committedBeforeKill = rowVersions(jdbc);
                rollup.kill();
            }
            // a killed client's statement runs on until it next talks to the client; end it as an operator would
            jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event = 'PgSleep'");
            jdbc.execute("DROP TRIGGER test_stall ON rollup_store_daily");

            CliRun again = CliRun.onDatabase(url, RUN);

            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("Job rollup COMPLETED", "6 partitions committed");
            assertThat(committedBeforeKill).as("the first transaction's two partitions").hasSize(2);
            assertThat(rowVersions(jdbc)).as("partitions committed before the kill are not redone")
                    .containsAll(committedBeforeKill);
            assertThat(new ExpectedRollups(jdbc).differences()).isZero();
        }
    }

    private static boolean stalled(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'",
                Long.class) > 0;
    }

    /** Each store's rows with the transaction that wrote them (one partition per store here). */
    private static List<String> rowVersions(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT store_name || ' ' || string_agg(DISTINCT xmin::text, ',') "
                + "FROM rollup_store_daily GROUP BY store_name", String.class);
    }

    private static String[] engineArguments(String url, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(TestServers.get().engineArguments(url));
        all.add("--nightshift.rollup.threads=1");
        // two partitions per transaction: the stalled fourth partition holds back the third, not the first two
        all.add("--nightshift.rollup.partitions-per-transaction=2");
        return all.toArray(String[]::new);
    }
}
