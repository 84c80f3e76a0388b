package com.nightshift.reports.render;

import java.util.List;
import java.util.Locale;

import com.nightshift.reports.DataAsOf;
import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.ReportSubject;

/**
 * One report to render: which, about whom, over which dates, in which language, and what to print as its
 * provenance.
 *
 * @param regionStores for a region's report, the stores the recipients file puts in the region; empty otherwise
 */
public record RenderRequest(ReportDefinition definition, ReportSubject subject, ReportPeriod period, Locale language,
                            List<String> regionStores, DataAsOf asOf, long jobExecutionId) {

    public RenderRequest {
        regionStores = List.copyOf(regionStores);
    }
}
