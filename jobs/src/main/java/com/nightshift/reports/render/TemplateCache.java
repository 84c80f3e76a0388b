package com.nightshift.reports.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nightshift.reports.ReportTemplateException;
import com.nightshift.reports.TemplateFolder;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * Each template compiled once per process: the first compile of a template takes 1-3 s (ECJ warming up), a fill
 * a fraction of that. A compiled report is immutable and filled by many threads at once. A template that fails
 * is not cached, so a fixed file is picked up by the next run.
 */
final class TemplateCache {

    private final TemplateFolder folder;
    private final Optional<CompiledTemplates> saved;
    private final ConcurrentMap<String, JasperReport> compiled = new ConcurrentHashMap<>();

    /** @param saved where compiled templates are kept between processes, if anywhere */
    TemplateCache(TemplateFolder folder, Optional<CompiledTemplates> saved) {
        this.folder = folder;
        this.saved = saved;
    }

    /** The compiled {@code template}; compiles it if no thread has yet, while other threads wait for it. */
    JasperReport get(String template) {
        return compiled.computeIfAbsent(template, this::compile);
    }

    private JasperReport compile(String template) {
        try (InputStream in = folder.open(template)) {
            byte[] source = in.readAllBytes();
            Optional<JasperReport> kept = saved.flatMap(store -> store.find(template, source));
            if (kept.isPresent()) {
                return kept.get();
            }
            JasperReport report = JasperCompileManager.compileReport(new ByteArrayInputStream(source));
            saved.ifPresent(store -> store.save(template, source, report));
            return report;
        } catch (JRException | JRRuntimeException e) {
            throw new ReportTemplateException("Report template " + folder.describe(template)
                    + " does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + folder.describe(template), e);
        }
    }
}
