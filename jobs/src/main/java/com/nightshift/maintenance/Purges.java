package com.nightshift.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import com.nightshift.delivery.DeliveryLedgerPurge;
import com.nightshift.health.HealthHistoryPurge;
import com.nightshift.reports.archive.ReportArchivePurge;

/**
 * The purges of what is older than its retention, each under the maintenance lock of the table it deletes from
 * and with the maintenance timeouts; each purge class lives beside what it purges.
 */
@Component
class Purges {

    /** How a purge counts and deletes what is older than a cutoff; {@code delete} runs in a transaction. */
    @FunctionalInterface
    private interface Rows {
        long apply(JdbcOperations jdbc, Instant before);
    }

    private record Purge(String name, String table, String unit, Duration retention, Rows count, Rows delete) {
    }

    private final TableActions actions;
    private final List<Purge> purges;

    Purges(TableActions actions, MaintenanceProperties properties, BatchMetadataPurge batch,
           ReportArchivePurge archive, DeliveryLedgerPurge ledger, HealthHistoryPurge health) {
        this.actions = actions;
        this.purges = List.of(
                new Purge("batch metadata", "batch_job_instance", "job instances",
                        properties.batchMetadataRetention(), batch::count, batch::purgeSome),
                new Purge("report archive", "report_archive", "reports with their files",
                        properties.reportArchiveRetention(), archive::count, archive::purge),
                new Purge("delivery ledger", "delivery", "letters", properties.deliveryLedgerRetention(),
                        ledger::count, ledger::purge),
                new Purge("health history", "health_result", "results", properties.healthHistoryRetention(),
                        health::count, health::purge));
    }

    List<Action> run(boolean dryRun) {
        List<Action> done = new ArrayList<>();
        for (Purge purge : purges) {
            Instant before = Instant.now().minus(purge.retention());
            String what = "purge " + purge.name() + " older than " + purge.retention().toDays() + " days (before "
                    + before.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + ")";
            if (dryRun) {
                done.add(actions.wouldDo(what, jdbc -> purge.count().apply(jdbc, before) + " " + purge.unit()));
            } else {
                done.add(actions.run(what, purge.table(), connection -> deleted(connection, purge, before)));
            }
        }
        return done;
    }

    /** Deletes in transactions until one deletes fewer than a purge takes at once (batch metadata goes by 1000). */
    private static String deleted(MaintenanceConnection connection, Purge purge, Instant before) {
        long total = 0;
        long last;
        do {
            last = connection.inTransaction(jdbc -> purge.delete().apply(jdbc, before));
            total += last;
        } while (last >= BatchMetadataPurge.INSTANCES_PER_TRANSACTION);
        return total + " " + purge.unit() + " deleted";
    }
}
