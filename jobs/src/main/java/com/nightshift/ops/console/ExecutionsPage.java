package com.nightshift.ops.console;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.nightshift.console.ConsoleController;
import com.nightshift.console.PageProblems;
import com.nightshift.ops.ExecutionFilter;
import com.nightshift.ops.InvalidRequestParameterException;
import com.nightshift.ops.JobCatalog;
import com.nightshift.ops.JobExecutions;

/**
 * {@code /console/executions}: the history, newest first, a page at a time by execution id (the API's own query and
 * filters), with a chart of the last runs' durations of the chosen job, or of each job.
 */
@ConsoleController
class ExecutionsPage {

    /** A screenful; rendered in a few milliseconds even deep in a long history (bench/console). */
    static final int PAGE_SIZE = 30;
    /** Runs per chart: about a month of a nightly job. */
    static final int CHART_RUNS = 30;

    private final JobExecutions executions;
    private final JobCatalog catalog;
    private final ExecutionRows rows;
    private final HumanDuration durations;
    private final BusinessTime times;
    private final PageProblems problems;

    ExecutionsPage(JobExecutions executions, JobCatalog catalog, ExecutionRows rows, HumanDuration durations,
                   BusinessTime times, PageProblems problems) {
        this.executions = executions;
        this.catalog = catalog;
        this.rows = rows;
        this.durations = durations;
        this.times = times;
        this.problems = problems;
    }

    @GetMapping("/console/executions")
    String executions(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String before, Locale locale, Model model) {
        ExecutionFilter filter;
        JobExecutions.Page page;
        try {
            filter = ExecutionFilter.of(job, status, null, before(before), PAGE_SIZE);
            page = executions.page(filter);
        } catch (InvalidRequestParameterException e) {
            // the page's filters are a job and a status: the value of the one refused, as the reader chose it
            throw problems.badRequest("ops.problem.filter", e.parameter(), "job".equals(e.parameter()) ? job : status);
        }
        model.addAttribute("executions", page.executions().stream().map(row -> rows.row(row, locale)).toList());
        model.addAttribute("nextBefore", page.nextBefore());
        model.addAttribute("job", filter.job());
        model.addAttribute("status", filter.status() == null ? null : filter.status().name());
        model.addAttribute("jobs", catalog.names());
        model.addAttribute("statuses", Arrays.stream(BatchStatus.values())
                .map(value -> new Choice(value.name(), rows.status(value.name(), locale))).toList());
        // older pages do not change while one reads them; only the first page refreshes itself
        model.addAttribute("refresh", filter.before() == null);
        model.addAttribute("zone", times.zone().getId());
        model.addAttribute("charts", (filter.job() == null ? catalog.names() : List.of(filter.job())).stream()
                .map(name -> chart(name, locale)).toList());
        return "ops/executions";
    }

    /** A value of a select and its label in the reader's language. */
    record Choice(String value, String label) {
    }

    private DurationChart chart(String job, Locale locale) {
        List<ExecutionRow> runs = executions.page(ExecutionFilter.of(job, null, null, null, CHART_RUNS))
                .executions().stream().map(execution -> rows.row(execution, locale)).toList();
        Long longest = runs.stream().map(ExecutionRow::durationMillis).filter(millis -> millis != null)
                .max(Long::compare).orElse(null);
        return DurationChart.of(job, runs, durations.format(longest, locale));
    }

    private Long before(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(before.trim());
        } catch (NumberFormatException e) {
            throw problems.badRequest("ops.problem.before", before);
        }
    }
}
