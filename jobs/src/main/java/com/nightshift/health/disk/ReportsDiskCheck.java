package com.nightshift.health.disk;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Component;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthCheck;

/** Free space where report files are written ({@code nightshift.data-dir}/reports). */
@Component
class ReportsDiskCheck implements HealthCheck {

    static final String NAME = "disk.reports";

    private final NightshiftProperties properties;
    private final DiskThresholds thresholds;

    ReportsDiskCheck(NightshiftProperties properties, DiskThresholds thresholds) {
        this.properties = properties;
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
        try {
            return FreeSpace.of(NAME, "report files", properties.reportsDir(), thresholds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
