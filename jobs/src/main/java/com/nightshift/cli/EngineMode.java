package com.nightshift.cli;

import java.util.Map;

/** How much of the engine a command starts. */
enum EngineMode {

    /** One piece of work, then exit: no web server, no schedules, nothing on the console but the outcome. */
    ONE_SHOT(Map.of(
            "spring.main.web-application-type", "none",
            "spring.quartz.auto-startup", "false",
            "logging.threshold.console", "OFF")),

    /** Long-running: web server, API, console and schedules; the console shows warnings, the log file all. */
    SERVER(Map.of(
            "spring.main.web-application-type", "servlet",
            "spring.quartz.auto-startup", "true",
            "logging.threshold.console", "WARN"));

    private final Map<String, Object> defaults;

    EngineMode(Map<String, Object> defaults) {
        this.defaults = defaults;
    }

    /** Defaults only: an operator's own settings still win. */
    Map<String, Object> defaultProperties() {
        return defaults;
    }
}
