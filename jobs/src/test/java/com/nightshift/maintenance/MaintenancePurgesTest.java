package com.nightshift.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.reports.archive.ArchiveFiles;

/** The maintenance job's purges delete what is older than its retention and nothing else. */
class MaintenancePurgesTest extends MaintenanceDatabaseTest {

    private final OldRows rows = new OldRows(owner());

    @Autowired
    ArchiveFiles files;

    @Test
    void anEndedRunOlderThanTheRetentionIsDeletedWithEveryRecordOfIt() throws Exception {
        long old = rows.batchRun("COMPLETED", 91);
        assertThat(rows.batchRowsOf(old)).isEqualTo(6);

        JobExecution execution = maintenance("false");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rows.batchRowsOf(old)).isZero();
    }

    @Test
    void aRunStillRunningIsKeptHoweverOld() throws Exception {
        long running = rows.batchRun("STARTED", 400);

        maintenance("false");

        assertThat(rows.batchRowsOf(running)).isEqualTo(6);
    }

    @Test
    void anOldRunRestartedWithinTheRetentionIsKeptWhole() throws Exception {
        long restarted = rows.batchRun("FAILED", 120);
        rows.execution(restarted, "COMPLETED", 10);

        maintenance("false");

        assertThat(rows.batchRowsOf(restarted)).isEqualTo(11);
    }

    @Test
    void olderHealthResultsAreDeletedButEachCurrentChecksLatestStays() throws Exception {
        // one of the engine's own checks; its results exist in this database only as this test makes them
        long oldest = rows.healthResult("tables.bloat", 200);
        long older = rows.healthResult("tables.bloat", 100);
        long latestButOld = rows.healthResult("tables.bloat", 95);
        long recent = rows.healthResult("test.kept", 5);

        maintenance("false");

        assertThat(rows.exists("health_result", oldest)).isFalse();
        assertThat(rows.exists("health_result", older)).isFalse();
        assertThat(rows.exists("health_result", latestButOld)).isTrue();
        assertThat(rows.exists("health_result", recent)).isTrue();
    }

    @Test
    void theLatestResultOfACheckTheEngineNoLongerRunsGoesOncePastTheRetention() throws Exception {
        long retiredLatestButOld = rows.healthResult("test.retired-old", 95);
        long retiredRecent = rows.healthResult("test.retired-recent", 5);

        maintenance("false");

        assertThat(rows.exists("health_result", retiredLatestButOld)).isFalse();
        assertThat(rows.exists("health_result", retiredRecent)).isTrue();
    }

    @Test
    void aSettledLetterAndItsResendOlderThanTheRetentionAreDeleted() throws Exception {
        long letter = rows.letter("test-settled", "FAILED", 500);
        long resend = rows.resend(letter, "DELIVERED", 450);

        maintenance("false");

        assertThat(rows.exists("delivery", letter)).isFalse();
        assertThat(rows.exists("delivery", resend)).isFalse();
    }

    @Test
    void aLetterStillToBeSentIsKeptHoweverOld() throws Exception {
        long pending = rows.letter("test-pending", "RETRYING", 500);

        maintenance("false");

        assertThat(rows.exists("delivery", pending)).isTrue();
    }

    @Test
    void anOldLetterResentWithinTheRetentionIsKeptWithItsResend() throws Exception {
        long letter = rows.letter("test-resent", "FAILED", 500);
        long resend = rows.resend(letter, "DELIVERED", 3);

        maintenance("false");

        assertThat(rows.exists("delivery", letter)).isTrue();
        assertThat(rows.exists("delivery", resend)).isTrue();
    }

    @Test
    void anOldReportIsDeletedWithItsFilesEvenWhenOneIsAlreadyGone() throws Exception {
        long report = rows.report("purge-test/old", 401);
        Path pdf = file("purge-test/old.pdf");
        Path xlsx = files.resolve("purge-test/old.xlsx");

        JobExecution execution = maintenance("false");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rows.exists("report_archive", report)).isFalse();
        assertThat(pdf).doesNotExist();
        assertThat(xlsx).doesNotExist();
    }

    @Test
    void aReportWhoseFileCannotBeDeletedKeepsItsRowWhileTheOthersGo() throws Exception {
        long stuck = rows.report("purge-test/stuck", 401);
        // a folder with something in it where the PDF should be: deleting it fails as a file would on a bad disk
        Path pdf = file("purge-test/stuck.pdf/inside");
        long other = rows.report("purge-test/other", 401);

        JobExecution execution = maintenance("false");

        try {
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(rows.exists("report_archive", stuck)).isTrue();
            assertThat(pdf).exists();
            assertThat(rows.exists("report_archive", other)).isFalse();
        } finally {
            // the tests share one database: an old report left here would be counted by the dry run's test
            owner().update("DELETE FROM report_archive WHERE id = ?", stuck);
        }
    }

    @Test
    void aReportWithinTheRetentionIsKeptWithItsFiles() throws Exception {
        long report = rows.report("purge-test/recent", 399);
        Path pdf = file("purge-test/recent.pdf");

        maintenance("false");

        assertThat(rows.exists("report_archive", report)).isTrue();
        assertThat(pdf).exists();
    }

    @Test
    void anOldReportAttachedToALetterStillToBeSentIsKept() throws Exception {
        long report = rows.report("purge-test/attached", 500);
        Path pdf = file("purge-test/attached.pdf");
        rows.letter("test-attached", "PENDING", 500);
        rows.carries("test-attached", report);

        maintenance("false");

        assertThat(rows.exists("report_archive", report)).isTrue();
        assertThat(pdf).exists();
    }

    @Test
    void aDryRunCountsWhatEachPurgeWouldDeleteAndDeletesNothing() throws Exception {
        long run = rows.batchRun("COMPLETED", 91);
        long result = rows.healthResult("test.dry", 100);
        rows.healthResult("test.dry", 1);
        long letter = rows.letter("test-dry", "DELIVERED", 401);
        long report = rows.report("purge-test/dry", 401);
        Path pdf = file("purge-test/dry.pdf");

        JobExecution execution = maintenance("true");

        assertThat(exitMessage(execution)).contains("purge batch metadata older than 90 days",
                "would do (1 job instances)", "would do (1 reports with their files)", "would do (1 letters)",
                "would do (1 results)");
        assertThat(rows.batchRowsOf(run)).isEqualTo(6);
        assertThat(rows.exists("health_result", result)).isTrue();
        assertThat(rows.exists("delivery", letter)).isTrue();
        assertThat(rows.exists("report_archive", report)).isTrue();
        assertThat(pdf).exists();
    }

    private Path file(String relativePath) throws IOException {
        Path path = files.resolve(relativePath);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "report");
    }
}
