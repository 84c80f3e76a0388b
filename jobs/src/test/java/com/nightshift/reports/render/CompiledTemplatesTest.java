package com.nightshift.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportScope;
import com.nightshift.reports.TemplateFolder;

/** Compiled templates kept on disk: a later process reads a template's compiled form instead of compiling it. */
class CompiledTemplatesTest {

    @TempDir
    Path templates;
    @TempDir
    Path compiled;

    @Test
    void aCompiledTemplateIsKeptAndTheNextEngineRendersFromItWithoutWritingItAgain() throws IOException {
        copyShipped("store-daily.jrxml");
        render(engine(), "store-daily.jrxml");
        Path kept = onlyFile();
        FileTime written = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(kept, written);

        RenderedReport again = render(engine(), "store-daily.jrxml");

        assertThat(again.pdf()).startsWith("%PDF".getBytes());
        assertThat(Files.getLastModifiedTime(kept)).as("read back, not compiled and saved again").isEqualTo(written);
    }

    @Test
    void aKeptFileThatDoesNotReadBackIsCompiledAgainAndReplaced() throws IOException {
        copyShipped("store-daily.jrxml");
        render(engine(), "store-daily.jrxml");
        Path kept = onlyFile();
        Files.writeString(kept, "not a compiled report");

        RenderedReport again = render(engine(), "store-daily.jrxml");

        assertThat(again.pdf()).startsWith("%PDF".getBytes());
        assertThat(Files.size(kept)).isGreaterThan(1000);
    }

    @Test
    void anEditedTemplateIsCompiledAfreshBesideTheOldOne() throws IOException {
        copyShipped("store-daily.jrxml");
        render(engine(), "store-daily.jrxml");
        Files.writeString(templates.resolve("store-daily.jrxml"), "<!-- edited -->\n", StandardOpenOption.APPEND);

        render(engine(), "store-daily.jrxml");

        assertThat(files()).hasSize(2).allMatch(file -> file.getFileName().toString().startsWith("store-daily-"));
    }

    private ReportEngine engine() throws IOException {
        copyShipped("labels.properties");
        return new ReportEngine(TemplateFolder.of(templates), ZoneId.of("Asia/Shanghai"), BigDecimal.TEN,
                Optional.of(compiled));
    }

    private static RenderedReport render(ReportEngine engine, String template) {
        RenderRequest request = SampleFigures.request(new ReportDefinition("test", template, ReportScope.STORE_DAY),
                Locale.forLanguageTag("zh-CN"), 1);
        return engine.render(request, new SampleFigures(1).figuresFor(request));
    }

    private void copyShipped(String file) throws IOException {
        if (!Files.exists(templates.resolve(file))) {
            Files.copy(Path.of("..", "reports", file), templates.resolve(file));
        }
    }

    private Path onlyFile() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(compiled)) {
            return files.toList();
        }
    }
}
