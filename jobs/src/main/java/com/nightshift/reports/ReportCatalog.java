package com.nightshift.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The reports configured under {@code nightshift.reports.catalog}, each checked to have its template. Checked
 * when the engine starts, so that a misspelt template fails the start naming its entry rather than a run at
 * 6 a.m.
 */
@Component
public class ReportCatalog {

    private final Map<String, ReportDefinition> reports;

    public ReportCatalog(ReportProperties properties) {
        TemplateFolder templates = TemplateFolder.of(properties.templatesDir());
        List<String> problems = new ArrayList<>();
        Map<String, ReportDefinition> checked = new HashMap<>();
        new TreeMap<>(properties.catalog()).forEach((name, entry) -> {
            String key = "nightshift.reports.catalog." + name;
            if (entry.template() == null || entry.template().isBlank()) {
                problems.add(key + ".template is not set");
            } else if (!templates.exists(entry.template())) {
                problems.add(key + ".template: " + templates.describe(entry.template()) + " does not exist");
            }
            if (entry.scope() == null) {
                problems.add(key + ".scope is not set (one of STORE_DAY, REGION_WEEK, CHAIN_WEEK)");
            }
            checked.put(name, new ReportDefinition(name, entry.template(), entry.scope()));
        });
        if (!problems.isEmpty()) {
            throw new ReportTemplateException("Report catalog: " + String.join("; ", problems));
        }
        this.reports = Map.copyOf(checked);
    }

    /** Every report, by name. */
    public List<ReportDefinition> all() {
        return reports.values().stream().sorted(Comparator.comparing(ReportDefinition::name)).toList();
    }

    public Optional<ReportDefinition> named(String name) {
        return Optional.ofNullable(reports.get(name));
    }
}
