package com.nightshift.health.database;

import com.nightshift.health.HealthState;

/** Where a value falls against its thresholds: higher is worse, or lower is worse. */
final class Judged {

    private Judged() {
    }

    static HealthState above(double value, double warnAt, double critAt) {
        return value >= critAt ? HealthState.CRIT : value >= warnAt ? HealthState.WARN : HealthState.OK;
    }

    static HealthState below(double value, double warnBelow, double critBelow) {
        return value < critBelow ? HealthState.CRIT : value < warnBelow ? HealthState.WARN : HealthState.OK;
    }
}
