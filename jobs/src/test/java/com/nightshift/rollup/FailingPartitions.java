package com.nightshift.rollup;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database refuse one store's rollup rows, as a full disk or a lost connection would fail a
 * partition in the middle of a run, without any test hook in the job itself.
 */
final class FailingPartitions {

    private FailingPartitions() {
    }

    static void failFor(JdbcTemplate jdbc, String store) {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_store() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.store_name = '%s' THEN
                        RAISE EXCEPTION 'injected failure for %s';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(store.replace("'", "''"), store.replace("'", "''")));
        jdbc.execute("CREATE TRIGGER test_refuse_store BEFORE INSERT ON rollup_store_daily "
                + "FOR EACH ROW EXECUTE FUNCTION test_refuse_store()");
    }

    static void stop(JdbcTemplate jdbc) {
        jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_store ON rollup_store_daily");
    }
}
