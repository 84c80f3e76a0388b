package com.nightshift.rollup.job;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database refuse one store's rollup rows, as a full disk or a lost connection would fail a
 * partition in the middle of a run, without any test hook in the job itself.
 */
final class FailingPartitions {

    private FailingPartitions() {
    }

    static void failFor(JdbcTemplate jdbc, String store) {
        refuse(jdbc, store, "BEFORE INSERT ON rollup_store_daily");
    }

    /** The same, but only when the partition's transaction commits: its work is all done by then. */
    static void failAtCommitFor(JdbcTemplate jdbc, String store) {
        refuse(jdbc, store, "AFTER INSERT ON rollup_store_daily DEFERRABLE INITIALLY DEFERRED");
    }

    private static void refuse(JdbcTemplate jdbc, String store, String when) {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_store() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.store_name = '%s' THEN
                        RAISE EXCEPTION 'injected failure for %s';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(store.replace("'", "''"), store.replace("'", "''")));
        jdbc.execute("CREATE " + (when.contains("DEFERRED") ? "CONSTRAINT " : "") + "TRIGGER test_refuse_store "
                + when + " FOR EACH ROW EXECUTE FUNCTION test_refuse_store()");
    }

    static void stop(JdbcTemplate jdbc) {
        jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_store ON rollup_store_daily");
    }
}
