package com.nightshift.cli;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.nightshift.NightshiftApplication;
import com.nightshift.embedded.EmbeddedService;
import com.nightshift.ops.OpsProperties;
import com.nightshift.recipients.RecipientsProperties;
import com.nightshift.schema.SchemaApplication;
import com.nightshift.schema.SchemaProperties;

/** How much of the engine a command starts, and which servers it needs. */
enum EngineMode {

    /** One piece of work, then exit: no web server, no schedules, nothing on the console but the outcome. */
    ONE_SHOT(NightshiftApplication.class, EnumSet.allOf(EmbeddedService.class), Map.of(
            "spring.main.web-application-type", "none",
            "spring.quartz.auto-startup", "false",
            "logging.threshold.console", "OFF")),

    /**
     * Long-running: web server, API, console and schedules, and the resumption of runs left by dead processes;
     * the console shows warnings, the log file all.
     */
    SERVER(NightshiftApplication.class, EnumSet.allOf(EmbeddedService.class), Map.of(
            "spring.main.web-application-type", "servlet",
            "spring.quartz.auto-startup", "true",
            OpsProperties.RECOVER_DEAD_RUNS, "true",
            "logging.threshold.console", "WARN")),

    /** {@link #SERVER} on a database that the demo may bring up to date itself. */
    DEMO(NightshiftApplication.class, EnumSet.allOf(EmbeddedService.class), Map.of(
            "spring.main.web-application-type", "servlet",
            "spring.quartz.auto-startup", "true",
            OpsProperties.RECOVER_DEAD_RUNS, "true",
            "logging.threshold.console", "WARN",
            SchemaProperties.MIGRATE_ON_START, "true",
            "nightshift.recipients.file", RecipientsProperties.DEMO_FILE,
            // so that the demo's health run shows its alert letter beside the reports' (mail/ of the data dir)
            "nightshift.alerts.recipients", "oncall@example.com")),

    /** The schema alone: a database connection and the changelog, nothing else of the engine. */
    SCHEMA(SchemaApplication.class, EnumSet.of(EmbeddedService.DATABASE), Map.of(
            "spring.main.web-application-type", "none",
            "logging.threshold.console", "OFF"));

    private final Class<?> application;
    private final Set<EmbeddedService> services;
    private final Map<String, Object> defaults;

    EngineMode(Class<?> application, Set<EmbeddedService> services, Map<String, Object> defaults) {
        this.application = application;
        this.services = services;
        this.defaults = defaults;
    }

    Class<?> application() {
        return application;
    }

    /** The servers this mode talks to: each needs a setting, or embedded mode. */
    Set<EmbeddedService> services() {
        return services;
    }

    /** Defaults only: an operator's own settings still win. */
    Map<String, Object> defaultProperties() {
        return defaults;
    }
}
