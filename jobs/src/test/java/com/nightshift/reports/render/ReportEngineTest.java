package com.nightshift.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportScope;
import com.nightshift.reports.ReportTemplateException;
import com.nightshift.reports.TemplateFolder;

import net.sf.jasperreports.engine.JasperReport;

/** JasperReports alone, on templates of a folder of the test's own: what a broken template tells its author. */
class ReportEngineTest {

    @TempDir
    Path templates;

    @Test
    void aTemplateWithAJavaSyntaxErrorFailsNamingTheFileAndTheCompilersMessage() throws IOException {
        String broken = shipped("store-daily.jrxml").replace("$P{REPORT_LOCALE}).format($P{periodFrom})",
                "$P{REPORT_LOCALE}).format($P{periodFrom}");
        ReportEngine engine = engineWith("broken.jrxml", broken);

        assertThatThrownBy(() -> render(engine, "broken.jrxml"))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageStartingWith("Report template " + templates.resolve("broken.jrxml") + " does not compile: ")
                .hasMessageContaining("Syntax error, insert \")\" to complete Expression");
    }

    @Test
    void aTemplateThatIsNotWellFormedXmlFailsNamingTheFile() throws IOException {
        ReportEngine engine = engineWith("half.jrxml", shipped("store-daily.jrxml").substring(0, 2000));

        assertThatThrownBy(() -> render(engine, "half.jrxml"))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageStartingWith("Report template " + templates.resolve("half.jrxml") + " does not compile: ");
    }

    @Test
    void aMissingTemplateIsNamed() throws IOException {
        ReportEngine engine = engineWith("other.jrxml", shipped("store-daily.jrxml"));

        assertThatThrownBy(() -> render(engine, "gone.jrxml"))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessage("Report template " + templates.resolve("gone.jrxml") + " does not exist");
    }

    @Test
    void aTemplateIsCompiledOnceForEveryThreadThatAsksAtTheSameTime() throws Exception {
        Files.writeString(templates.resolve("store-daily.jrxml"), shipped("store-daily.jrxml"));
        TemplateCache cache = new TemplateCache(TemplateFolder.of(templates), Optional.empty());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<JasperReport>> compiled = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                compiled.add(threads.submit(() -> {
                    start.await();
                    return cache.get("store-daily.jrxml");
                }));
            }
            start.countDown();
            JasperReport first = compiled.get(0).get();
            for (Future<JasperReport> other : compiled) {
                assertThat(other.get()).isSameAs(first);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void reportsRenderedByManyThreadsAtOnceEqualOneRenderedAlone() throws Exception {
        ReportEngine engine = new ReportEngine(TemplateFolder.classpath(), ZoneId.of("Asia/Shanghai"), BigDecimal.TEN);
        RenderRequest request = SampleFigures.request(
                new ReportDefinition("store-daily", "store-daily.jrxml", ReportScope.STORE_DAY), Locale.ENGLISH, 1);
        String alone = ReportFiles.pdfText(engine.render(request, new SampleFigures(7).figuresFor(request)).pdf());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<RenderedReport>> reports = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reports.add(threads.submit(() -> {
                    start.await();
                    return engine.render(request, new SampleFigures(7).figuresFor(request));
                }));
            }
            start.countDown();
            for (Future<RenderedReport> report : reports) {
                assertThat(ReportFiles.pdfText(report.get().pdf())).isEqualTo(alone);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFixedTemplateIsPickedUpAfterAFailure() throws IOException {
        ReportEngine engine = engineWith("store-daily.jrxml", "<jasperReport");
        assertThatThrownBy(() -> render(engine, "store-daily.jrxml")).isInstanceOf(ReportTemplateException.class);

        Files.writeString(templates.resolve("store-daily.jrxml"), shipped("store-daily.jrxml"));

        assertThat(render(engine, "store-daily.jrxml").pdf()).isNotEmpty();
    }

    @Test
    void theXlsxHasNoEmptyColumnsAndAmountColumnsWideEnoughForMillions() throws IOException {
        ReportEngine engine = new ReportEngine(TemplateFolder.classpath(), ZoneId.of("Asia/Shanghai"), BigDecimal.TEN);
        RenderRequest request = SampleFigures.request(
                new ReportDefinition("chain-weekly", "chain-weekly.jrxml", ReportScope.CHAIN_WEEK), Locale.ENGLISH, 1);

        byte[] xlsx = engine.render(request, new SampleFigures(1).figuresFor(request)).xlsx();

        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            int columns = 0;
            for (Row row : sheet) {
                columns = Math.max(columns, row.getLastCellNum());
            }
            for (int column = 0; column < columns; column++) {
                int c = column;
                assertThat(sheet).as("column %d has a value", c).anySatisfy(row -> assertThat(row.getCell(c))
                        .isNotNull().extracting(Cell::getCellType).isNotEqualTo(CellType.BLANK));
            }
            // "12,345,678.90" is 13 characters; Excel widths are in 1/256 of a character
            for (int column = 2; column < columns; column++) {
                assertThat(sheet.getColumnWidth(column) / 256).as("column %d", column).isGreaterThanOrEqualTo(13);
            }
        }
    }

    private ReportEngine engineWith(String name, String content) throws IOException {
        Files.writeString(templates.resolve(name), content);
        Files.writeString(templates.resolve("labels.properties"), shipped("labels.properties"));
        return new ReportEngine(TemplateFolder.of(templates), ZoneId.of("Asia/Shanghai"), BigDecimal.TEN);
    }

    private static RenderedReport render(ReportEngine engine, String template) {
        RenderRequest request = SampleFigures.request(new ReportDefinition("test", template, ReportScope.STORE_DAY),
                Locale.forLanguageTag("zh-CN"), 1);
        return engine.render(request, new SampleFigures(1).figuresFor(request));
    }

    private static String shipped(String file) throws IOException {
        return Files.readString(Path.of("..", "reports", file));
    }
}
