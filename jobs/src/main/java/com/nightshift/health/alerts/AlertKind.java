package com.nightshift.health.alerts;

/** Why a check is in a letter. */
public enum AlertKind {
    /** It went from OK to WARN or CRIT, or between WARN and CRIT. */
    ALERT,
    /** It is OK again after its people were told it was not. */
    RECOVERY,
    /** It is still as bad as its people were last told, longer than {@code nightshift.alerts.reminder-after}. */
    REMINDER
}
