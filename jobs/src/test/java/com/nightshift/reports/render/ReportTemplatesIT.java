package com.nightshift.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every template in {@code reports/} compiles and fills from the packaged jar, whose ECJ compiler, font extension
 * and chart module are what production uses: each template has a real Java expression (dates formatted in the
 * recipient's language), which the fat jar's default javac compiler could not compile, and its catalog entry.
 */
class ReportTemplatesIT {

    private static final Path REPORTS = Path.of("..", "reports");

    @TempDir
    Path out;

    @Test
    void everyTemplateCompilesAndFillsInBothLanguagesFromTheJar() throws Exception {
        Map<String, String> scopes = shippedCatalogScopes();
        List<String> templates;
        try (Stream<Path> files = Files.list(REPORTS)) {
            templates = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jrxml"))
                    .sorted().toList();
        }
        assertThat(templates).as("every template has a catalog entry").allMatch(scopes::containsKey).isNotEmpty();

        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", System.getProperty("nightshift.jar"),
                "-Dloader.main=" + TemplatesCheck.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", out.toString()));
        templates.forEach(template -> command.add(template + "=" + scopes.get(template)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        for (String template : templates) {
            String name = template.replace(".jrxml", "");
            assertThat(output).contains("rendered " + template + " zh-CN", "rendered " + template + " en");
            String text = ReportFiles.pdfText(Files.readAllBytes(out.resolve(name + "-zh-CN.pdf")));
            assertThat(text).as(template).contains("数据截至", "报表任务 #42", "跑腿🛵");
            assertThat(ReportFiles.xlsxRows(Files.readAllBytes(out.resolve(name + "-en.xlsx"))))
                    .as(template).anyMatch(row -> row.contains("Net (CNY)"));
        }
    }

    /** Template file to scope, from the catalog application.yml ships. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> shippedCatalogScopes() throws IOException {
        Map<String, String> scopes = new TreeMap<>();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.yml"))) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> reports = (Map<String, Object>) ((Map<String, Object>) yaml.get("nightshift")).get("reports");
            Map<String, Map<String, String>> catalog = (Map<String, Map<String, String>>) reports.get("catalog");
            catalog.values().forEach(entry -> scopes.put(entry.get("template"), entry.get("scope")));
        }
        return scopes;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
