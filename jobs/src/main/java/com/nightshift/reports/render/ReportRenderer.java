package com.nightshift.reports.render;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.ReportProperties;
import com.nightshift.reports.TemplateFolder;
import com.nightshift.reports.figures.Figures;
import com.nightshift.reports.figures.RollupFigures;

/** Fills a report's template with its figures, read from the rollup tables, and exports it to PDF and XLSX. */
@Component
public class ReportRenderer {

    private final RollupFigures rollups;
    private final ReportEngine engine;

    public ReportRenderer(RollupFigures rollups, ReportProperties reports, NightshiftProperties nightshift) {
        this.rollups = rollups;
        this.engine = new ReportEngine(TemplateFolder.of(reports.templatesDir()), nightshift.zone(),
                reports.declineFlagPercent(), Optional.of(nightshift.compiledTemplatesDir()));
    }

    public RenderedReport render(RenderRequest request) {
        return engine.render(request, figures(request));
    }

    /**
     * JasperReports alone, with this renderer's templates and settings: what {@link #render} does once it has the
     * figures. A benchmark reads the figures first ({@link #figures}) and times this, to tell the pipeline's
     * overhead from the bare renderer's work.
     */
    public ReportEngine engine() {
        return engine;
    }

    /** The figures {@link #render} fills the request's template with, read from the rollup tables. */
    public Figures figures(RenderRequest request) {
        ReportPeriod period = request.period();
        return switch (request.definition().scope()) {
            case STORE_DAY -> rollups.storeDay(request.subject().name(), period.from());
            case REGION_WEEK -> rollups.week(period, request.regionStores());
            case CHAIN_WEEK -> rollups.week(period, null);
        };
    }
}
