package com.nightshift.health.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthState;

/**
 * Free space of the real disk under a temporary data directory; the disk cannot be filled in a test, so the
 * thresholds are set around the space it really has.
 */
class DiskChecksTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dataDir;

    @Test
    void aDiskWithMoreFreeSpaceThanTheThresholdsIsOk() {
        CheckResult result = reports(new DiskThresholds(DataSize.ofBytes(1), DataSize.ofBytes(0), 0, 0)).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("Report files (" + dataDir.resolve("reports") + ") have ")
                .contains(" MB free of ");
    }

    @Test
    void lessFreeSpaceThanTheWarnSizeIsWarnWithTheThresholdsAndWhatToDo() throws IOException {
        long free = Files.getFileStore(dataDir).getUsableSpace();

        CheckResult result = reports(new DiskThresholds(DataSize.ofBytes(free + DataSize.ofGigabytes(1).toBytes()),
                DataSize.ofBytes(0), 0, 0)).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("warn below ").contains("move nightshift.data-dir to a larger one");
    }

    @Test
    void lessFreeSpaceThanTheCritShareIsCrit() {
        CheckResult result = reports(new DiskThresholds(DataSize.ofBytes(0), DataSize.ofBytes(0), 100.5, 100.1))
                .run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
    }

    @Test
    void aReportsDirectoryNotMadeYetIsJudgedOnTheDiskItWillBeMadeOn() {
        CheckResult result = reports(new DiskThresholds(DataSize.ofBytes(1), DataSize.ofBytes(0), 0, 0)).run();

        assertThat(Files.exists(dataDir.resolve("reports"))).isFalse();
        assertThat(result.values()).filteredOn(value -> value.name().equals("free"))
                .singleElement().satisfies(value -> assertThat(value.value()).isPositive());
    }

    @Test
    void theLogsCheckLooksWhereTheLogFileIsWritten() {
        Path logs = dataDir.resolve("logs");
        LogsDiskCheck check = new LogsDiskCheck(new MockEnvironment().withProperty("logging.file.name",
                logs.resolve("nightshift.log").toString()), new DiskThresholds(DataSize.ofBytes(1),
                DataSize.ofBytes(0), 0, 0));

        CheckResult result = check.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("Log files (" + logs + ") have ");
    }

    @Test
    void noLogFileIsOkWithNothingToCheck() {
        CheckResult result = new LogsDiskCheck(new MockEnvironment(), new DiskThresholds(DataSize.ofBytes(1),
                DataSize.ofBytes(0), 0, 0)).run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).contains("logging.file.name is not set");
    }

    private ReportsDiskCheck reports(DiskThresholds thresholds) {
        return new ReportsDiskCheck(new NightshiftProperties(dataDir, ZONE), thresholds);
    }
}
