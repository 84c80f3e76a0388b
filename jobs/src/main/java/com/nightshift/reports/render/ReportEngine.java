package com.nightshift.reports.render;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

import com.nightshift.reports.ReportTemplateException;
import com.nightshift.reports.TemplateFolder;
import com.nightshift.reports.figures.Figures;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * JasperReports alone: fills a template with figures already in memory and exports it, with no database and no
 * Spring. {@link ReportRenderer} reads the figures and calls this; a benchmark calls it directly to measure the
 * bare renderer (see {@code reports/README.md}). Safe for many threads at once.
 */
public final class ReportEngine {

    private final TemplateFolder folder;
    private final TemplateCache templates;
    private final ZoneId zone;
    private final BigDecimal declineFlagPercent;

    /**
     * @param zone               the zone "data as of" is printed in
     * @param declineFlagPercent a store whose weekly net fell more than this is flagged
     */
    public ReportEngine(TemplateFolder folder, ZoneId zone, BigDecimal declineFlagPercent) {
        this(folder, zone, declineFlagPercent, Optional.empty());
    }

    /** @param compiledDir where compiled templates are kept for later processes, if anywhere */
    public ReportEngine(TemplateFolder folder, ZoneId zone, BigDecimal declineFlagPercent,
                        Optional<Path> compiledDir) {
        this.folder = folder;
        this.templates = new TemplateCache(folder, compiledDir.map(CompiledTemplates::new));
        this.zone = zone;
        this.declineFlagPercent = declineFlagPercent;
    }

    /** Compiles the template of {@code template} now (or finds it compiled), failing as a render would. */
    public void compile(String template) {
        templates.get(template);
    }

    /** Fills the request's template with {@code figures} and exports it to PDF and XLSX. */
    public RenderedReport render(RenderRequest request, Figures figures) {
        String template = request.definition().template();
        Map<String, Object> parameters = TemplateParameters.of(request, figures, folder.labels(request.language()),
                zone, declineFlagPercent);
        JasperPrint print;
        try {
            print = JasperFillManager.fillReport(templates.get(template), parameters, new JREmptyDataSource(1));
        } catch (JRException | JRRuntimeException e) {
            throw new ReportTemplateException("Report template " + folder.describe(template)
                    + " cannot be filled: " + e.getMessage(), e);
        }
        return new RenderedReport(request, pdf(print, template), xlsx(print, template),
                FiguresDigest.of(request, figures), figures.headline());
    }

    private byte[] pdf(JasperPrint print, String template) {
        JRPdfExporter exporter = new JRPdfExporter();
        return export(print, template, exporter::setExporterInput, out -> {
            exporter.setExporterOutput(out);
            exporter.exportReport();
        });
    }

    private byte[] xlsx(JasperPrint print, String template) {
        JRXlsxExporter exporter = new JRXlsxExporter();
        SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
        // amounts as numbers a manager can sum, in the text field's pattern, not as text
        configuration.setDetectCellType(true);
        configuration.setRemoveEmptySpaceBetweenColumns(true);
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setIgnorePageMargins(true);
        configuration.setWhitePageBackground(false);
        configuration.setOnePagePerSheet(false);
        configuration.setSheetNames(new String[] {print.getName()});
        exporter.setConfiguration(configuration);
        return export(print, template, exporter::setExporterInput, out -> {
            exporter.setExporterOutput(out);
            exporter.exportReport();
        });
    }

    private interface Export {
        void to(SimpleOutputStreamExporterOutput out) throws JRException;
    }

    private static byte[] export(JasperPrint print, String template,
                                 Consumer<SimpleExporterInput> input, Export export) {
        input.accept(new SimpleExporterInput(print));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            export.to(new SimpleOutputStreamExporterOutput(bytes));
        } catch (JRException | JRRuntimeException e) {
            throw new ReportTemplateException("Report " + template + " cannot be exported: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
