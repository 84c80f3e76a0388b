package com.nightshift.reports;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reports and how the {@code report} job treats them.
 *
 * @param catalog              report name to its template and scope; a map, so that one more entry from any
 *                             property source adds a report without repeating the shipped ones
 * @param templatesDir         the folder of templates, fonts and label bundles; empty for the ones bundled in the
 *                             jar (the top-level {@code reports/} folder)
 * @param declineFlagPercent   a store whose net fell more than this percentage from the week before is flagged in
 *                             the weekly reports
 * @param completenessDeadline how long a run waits for order changes of its dates to be rolled up before it fails
 *                             naming the stale store-days
 * @param threads              reports rendered at once: filling and exporting is CPU work, so one per core
 */
@ConfigurationProperties("nightshift.reports")
public record ReportProperties(Map<String, Entry> catalog, Path templatesDir,
                               @DefaultValue("10") BigDecimal declineFlagPercent,
                               @DefaultValue("10m") Duration completenessDeadline,
                               @DefaultValue("2") int threads) {

    public ReportProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("nightshift.reports.threads must be at least 1, was " + threads);
        }
        catalog = catalog == null ? Map.of() : Map.copyOf(catalog);
    }

    /** One {@code nightshift.reports.catalog.<name>} entry. */
    public record Entry(String template, ReportScope scope) {
    }
}
