package com.nightshift.reports.job;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;

import com.nightshift.calendar.IsoWeek;
import com.nightshift.job.JobDescription;
import com.nightshift.job.ParameterDescription;
import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportScope;

/**
 * A report run's parameters, read and checked against the catalog: which reports ({@code report=NAME|all}), the
 * business date of the daily ones and the ISO week of the weekly ones, and optionally one store or one region to
 * narrow them to. {@link #DESCRIPTION} says the same as data.
 *
 * @param reports the reports the run renders, in catalog order
 * @param store   the only store whose daily report is rendered, or null
 * @param region  the only region whose stores' daily reports and weekly report are rendered, or null
 */
public record ReportRequest(List<ReportDefinition> reports, LocalDate date, IsoWeek week, String store,
                            String region) {

    static final String ALL = "all";
    static final String REPORT = "report";
    static final String DATE = "date";
    static final String WEEK = "week";
    static final String STORE = "store";
    static final String REGION = "region";

    /** The report job and its parameters, for help, the command line's checks and the API. */
    public static final JobDescription DESCRIPTION = new JobDescription(ReportJobConfiguration.JOB,
            "Render the reports of a business date or week from the rollups, archive them and mail each "
                    + "recipient theirs, once.", List.of(
            ParameterDescription.text(REPORT, ALL, "a report of nightshift.reports.catalog (store-daily, "
                    + "region-weekly, chain-weekly as shipped), or all"),
            ParameterDescription.date(DATE, "yesterday", "business date of the daily reports, in the chain's zone"),
            ParameterDescription.week(WEEK, "last ISO week", "ISO week of the weekly reports"),
            ParameterDescription.text(STORE, "every store", "only this store's daily report"),
            ParameterDescription.text(REGION, "every region", "only this region's weekly report and its stores' "
                    + "daily reports (a region of the recipients file)")));

    public ReportRequest {
        reports = List.copyOf(reports);
    }

    /**
     * Reads parameters that {@link #DESCRIPTION} has checked, and checks what depends on the catalog and the date:
     * everything but whether the store and the region exist.
     */
    static ReportRequest of(Map<String, String> parameters, LocalDate yesterday, List<ReportDefinition> catalog)
            throws InvalidJobParametersException {
        String name = parameters.getOrDefault(REPORT, ALL);
        List<ReportDefinition> reports = name.equals(ALL) ? catalog
                : catalog.stream().filter(report -> report.name().equals(name)).toList();
        if (reports.isEmpty()) {
            throw new InvalidJobParametersException("parameter 'report' must be all or one of " + catalog.stream()
                    .map(ReportDefinition::name).sorted().collect(Collectors.joining(", ")) + "; was '" + name + "'");
        }
        boolean daily = reports.stream().anyMatch(report -> !report.scope().weekly());
        boolean weekly = reports.stream().anyMatch(report -> report.scope().weekly());
        String store = parameters.get(STORE);
        String region = parameters.get(REGION);
        if (store != null && region != null) {
            throw new InvalidJobParametersException("parameters 'store' and 'region' exclude each other: give one");
        }
        if (parameters.containsKey(DATE) && !daily) {
            throw new InvalidJobParametersException("parameter 'date' applies to daily reports, and " + name
                    + " is weekly: give week=YYYY-Www");
        }
        if (parameters.containsKey(WEEK) && !weekly) {
            throw new InvalidJobParametersException("parameter 'week' applies to weekly reports, and " + name
                    + " is daily: give date=yyyy-MM-dd");
        }
        if (store != null && !daily) {
            throw new InvalidJobParametersException("parameter 'store' narrows daily reports, and " + name
                    + " is weekly: give region=NAME for one region's");
        }
        if (region != null && reports.stream().noneMatch(report -> report.scope() != ReportScope.CHAIN_WEEK)) {
            throw new InvalidJobParametersException("parameter 'region' cannot narrow " + name
                    + ", which covers the whole chain");
        }
        LocalDate date = Optional.ofNullable(parameters.get(DATE)).map(LocalDate::parse).orElse(yesterday);
        if (date.isAfter(yesterday)) {
            throw new InvalidJobParametersException("parameter 'date' is " + date + ", a business day that is not "
                    + "over yet in the chain's zone; the latest is " + yesterday);
        }
        IsoWeek lastWeek = IsoWeek.of(yesterday.plusDays(1)).previous();
        IsoWeek week = Optional.ofNullable(parameters.get(WEEK)).flatMap(IsoWeek::parse).orElse(lastWeek);
        if (week.compareTo(lastWeek) > 0) {
            throw new InvalidJobParametersException("parameter 'week' is " + week + ", a week that is not over yet "
                    + "in the chain's zone; the latest is " + lastWeek);
        }
        return new ReportRequest(reports, date, week, store, region);
    }
}
