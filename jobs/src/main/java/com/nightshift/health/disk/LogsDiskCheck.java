package com.nightshift.health.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;
import com.nightshift.health.HealthState;

/**
 * Free space where the log file is written ({@code logging.file.name}, by default under
 * {@code nightshift.data-dir}/logs); with no log file configured there is nothing to check, which is OK.
 */
@Component
class LogsDiskCheck implements HealthCheck {

    static final String NAME = "disk.logs";

    private final Environment environment;
    private final DiskThresholds thresholds;

    LogsDiskCheck(Environment environment, DiskThresholds thresholds) {
        this.environment = environment;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckGroup group() {
        return CheckGroup.DISK;
    }

    @Override
    public CheckResult run() {
        String file = environment.getProperty("logging.file.name");
        if (file == null || file.isBlank()) {
            return new CheckResult(NAME, group(), HealthState.OK,
                    "No log file is written (logging.file.name is not set): nothing to check.", List.of());
        }
        Path directory = Path.of(file).toAbsolutePath().getParent();
        try {
            return FreeSpace.of(NAME, "log files", directory, thresholds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
