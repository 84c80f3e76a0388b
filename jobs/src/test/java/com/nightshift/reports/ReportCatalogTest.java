package com.nightshift.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog refuses, naming the entry, a report whose template is not there. */
class ReportCatalogTest {

    @TempDir
    Path templates;

    @Test
    void theJarsTemplatesServeTheShippedReports() {
        ReportCatalog catalog = new ReportCatalog(properties(null, Map.of(
                "store-daily", new ReportProperties.Entry("store-daily.jrxml", ReportScope.STORE_DAY),
                "chain-weekly", new ReportProperties.Entry("chain-weekly.jrxml", ReportScope.CHAIN_WEEK))));

        assertThat(catalog.all()).extracting(ReportDefinition::name).containsExactly("chain-weekly", "store-daily");
        assertThat(catalog.named("store-daily")).contains(
                new ReportDefinition("store-daily", "store-daily.jrxml", ReportScope.STORE_DAY));
        assertThat(catalog.named("nope")).isEmpty();
    }

    @Test
    void anEntryWhoseTemplateIsMissingFailsNamingTheEntryAndTheFile() throws IOException {
        Files.writeString(templates.resolve("store-daily.jrxml"), "<jasperReport/>");
        Map<String, ReportProperties.Entry> entries = new LinkedHashMap<>();
        entries.put("store-daily", new ReportProperties.Entry("store-daily.jrxml", ReportScope.STORE_DAY));
        entries.put("store-monthly", new ReportProperties.Entry("store-monthly.jrxml", ReportScope.STORE_DAY));

        assertThatThrownBy(() -> new ReportCatalog(properties(templates, entries)))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessage("Report catalog: nightshift.reports.catalog.store-monthly.template: "
                        + templates.resolve("store-monthly.jrxml") + " does not exist");
    }

    @Test
    void anEntryWithoutTemplateOrScopeFailsNamingWhatIsMissing() {
        assertThatThrownBy(() -> new ReportCatalog(properties(templates,
                Map.of("odd", new ReportProperties.Entry(null, null)))))
                .hasMessage("Report catalog: nightshift.reports.catalog.odd.template is not set; "
                        + "nightshift.reports.catalog.odd.scope is not set (one of STORE_DAY, REGION_WEEK, CHAIN_WEEK)");
    }

    private static ReportProperties properties(Path dir, Map<String, ReportProperties.Entry> catalog) {
        return new ReportProperties(catalog, dir, BigDecimal.TEN, Duration.ofMinutes(10), 1);
    }
}
