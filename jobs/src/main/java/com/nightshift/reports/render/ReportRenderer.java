package com.nightshift.reports.render;

import org.springframework.stereotype.Component;

/** Fills a report's template with its figures, read from the rollup tables, and exports it to PDF and XLSX. */
@Component
public class ReportRenderer {

    public RenderedReport render(RenderRequest request) {
        throw new UnsupportedOperationException("STUB: the render helper replaces this class");
    }
}
