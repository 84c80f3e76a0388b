package com.nightshift.health.disk;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Free space on the disk a directory is on, judged against {@link DiskThresholds}. A directory not made yet (no
 * report written so far) is judged on the disk it will be made on: its nearest existing parent's.
 */
final class FreeSpace {

    private static final double MB = 1024.0 * 1024.0;

    private FreeSpace() {
    }

    static CheckResult of(String check, String what, Path directory, DiskThresholds thresholds) throws IOException {
        Path existing = directory.toAbsolutePath().normalize();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        FileStore disk = Files.getFileStore(existing);
        long free = disk.getUsableSpace();
        long total = disk.getTotalSpace();
        double percent = total == 0 ? 0 : 100.0 * free / total;
        HealthState bySize = free < thresholds.freeCrit().toBytes() ? HealthState.CRIT
                : free < thresholds.freeWarn().toBytes() ? HealthState.WARN : HealthState.OK;
        HealthState byShare = percent < thresholds.freeCritPercent() ? HealthState.CRIT
                : percent < thresholds.freeWarnPercent() ? HealthState.WARN : HealthState.OK;
        HealthState state = bySize.worse(byShare);
        String found = String.format("%s (%s) have %,.0f MB free of %,.0f MB (%.1f%%)", what, directory, free / MB,
                total / MB, percent);
        String message = state == HealthState.OK ? capitalized(found) + "." : String.format("%s: warn below %,.0f MB "
                + "or %.0f%%, crit below %,.0f MB or %.0f%%. Free space on that disk (older report files, logs) or "
                + "move nightshift.data-dir to a larger one.", capitalized(found), thresholds.freeWarn().toBytes() / MB,
                thresholds.freeWarnPercent(), thresholds.freeCrit().toBytes() / MB, thresholds.freeCritPercent());
        return new CheckResult(check, CheckGroup.DISK, state, message, List.of(
                new Measurement("free", free / MB, thresholds.freeWarn().toBytes() / MB,
                        thresholds.freeCrit().toBytes() / MB, "MB"),
                new Measurement("free_share", percent, thresholds.freeWarnPercent(), thresholds.freeCritPercent(),
                        "%")));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
