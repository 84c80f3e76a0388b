package com.nightshift.recipients;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry tables, made to say what a validated file says in one transaction: people are matched by address
 * (case-insensitively) so that their ids stay what the delivery ledger refers to; people no longer in the file
 * are deactivated, never deleted; regions and who receives what are replaced.
 */
final class RecipientTables {

    /**
     * First key of a two-key advisory lock that nothing else in Nightshift takes ("NSRC"): two processes loading
     * at once take turns, so the second's replacement of the lists never meets the first's uncommitted rows.
     */
    private static final int LOCK_CLASS = 0x4e53_5243;

    private static final String UPSERT = """
            INSERT INTO report_recipient AS r (email, name, language, chain, active)
            SELECT f.email, f.name, f.language, f.chain, true
            FROM unnest(?::text[], ?::text[], ?::text[], ?::boolean[]) AS f(email, name, language, chain)
            ON CONFLICT (email_key) DO UPDATE
            SET email = excluded.email, name = excluded.name, language = excluded.language, chain = excluded.chain,
                active = true,
                updated_at = CASE WHEN (r.email, r.name, r.language, r.chain, r.active)
                                       IS DISTINCT FROM (excluded.email, excluded.name, excluded.language,
                                                         excluded.chain, true)
                                  THEN now() ELSE r.updated_at END
            RETURNING id, email
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    RecipientTables(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        // committed on its own, before the run goes on: the rows it upserts stay locked until then, and the
        // delivery ledger's letters refer to them
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Registers {@code file} and returns it with each person's registry id. */
    RecipientDirectory register(RecipientDirectory file) {
        return transaction.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?, 0)", (RowCallbackHandler) rs -> { }, LOCK_CLASS);
            List<Recipient> registered = upsert(file.recipients());
            jdbc.update("UPDATE report_recipient SET active = false, updated_at = now() WHERE active "
                    + "AND NOT id = ANY(?)", (Object) registered.stream().map(Recipient::id).toArray(Long[]::new));
            replaceRegions(file.regions());
            replaceWhatTheyReceive(registered);
            return new RecipientDirectory(file.regions(), registered);
        });
    }

    private List<Recipient> upsert(List<Recipient> people) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(UPSERT, (RowCallbackHandler) rs -> ids.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(1)),
                people.stream().map(Recipient::email).toArray(String[]::new),
                people.stream().map(Recipient::name).toArray(String[]::new),
                people.stream().map(person -> person.language().toLanguageTag()).toArray(String[]::new),
                people.stream().map(Recipient::chain).toArray(Boolean[]::new));
        return people.stream().map(person -> new Recipient(ids.get(person.email().toLowerCase(Locale.ROOT)),
                person.email(), person.name(), person.language(), person.stores(), person.regions(), person.chain()))
                .toList();
    }

    private void replaceRegions(Map<String, List<String>> regions) {
        jdbc.update("DELETE FROM report_recipient_region");
        jdbc.update("DELETE FROM report_region_store");
        jdbc.update("DELETE FROM report_region");
        jdbc.update("INSERT INTO report_region (name) SELECT unnest(?::text[])",
                (Object) regions.keySet().toArray(String[]::new));
        List<String> stores = new ArrayList<>();
        List<String> ofRegion = new ArrayList<>();
        regions.forEach((region, itsStores) -> itsStores.forEach(store -> {
            stores.add(store);
            ofRegion.add(region);
        }));
        jdbc.update("INSERT INTO report_region_store (store_name, region) SELECT * FROM unnest(?::text[], ?::text[])",
                stores.toArray(String[]::new), ofRegion.toArray(String[]::new));
    }

    private void replaceWhatTheyReceive(List<Recipient> people) {
        jdbc.update("DELETE FROM report_recipient_store");
        List<Long> storeIds = new ArrayList<>();
        List<String> stores = new ArrayList<>();
        List<Long> regionIds = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (Recipient person : people) {
            person.stores().forEach(store -> {
                storeIds.add(person.id());
                stores.add(store);
            });
            person.regions().forEach(region -> {
                regionIds.add(person.id());
                regions.add(region);
            });
        }
        jdbc.update("INSERT INTO report_recipient_store (recipient_id, store_name) "
                + "SELECT * FROM unnest(?::bigint[], ?::text[])", storeIds.toArray(Long[]::new),
                stores.toArray(String[]::new));
        jdbc.update("INSERT INTO report_recipient_region (recipient_id, region) "
                + "SELECT * FROM unnest(?::bigint[], ?::text[])", regionIds.toArray(Long[]::new),
                regions.toArray(String[]::new));
    }
}
