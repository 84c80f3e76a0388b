package com.nightshift.reports.job;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.nightshift.reports.DataAsOf;
import com.nightshift.reports.archive.ReportArchive;
import com.nightshift.reports.render.RenderRequest;
import com.nightshift.reports.render.RenderedReport;
import com.nightshift.reports.render.ReportRenderer;

/**
 * Renders the run's reports, one report and language per transaction, into the archive: unchanged figures keep
 * their archived version, changed ones make the next. What is archived is noted in the step's context with the
 * same commit, so a restart after a crash renders only what is missing.
 *
 * <p>Step-scoped: the plan is worked out once per step execution, not once per report.
 */
class RenderReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderReportsTasklet.class);
    static final String NEW_VERSIONS = "report.newVersions";
    static final String UNCHANGED = "report.unchanged";
    private static final String DONE = "report.archived.";

    private final ReportRun run;
    private final ReportRenderer renderer;
    private final ReportArchive archive;
    private final StaleStoreDays storeDays;
    private final Clock clock;
    private List<Work> work;

    RenderReportsTasklet(ReportRun run, ReportRenderer renderer, ReportArchive archive, StaleStoreDays storeDays,
                         Clock clock) {
        this.run = run;
        this.renderer = renderer;
        this.archive = archive;
        this.storeDays = storeDays;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobExecution job = step.getJobExecution();
        if (work == null) {
            work = work(run.plan(job).reports());
        }
        ExecutionContext done = step.getExecutionContext();
        Work next = work.stream().filter(item -> !done.containsKey(DONE + item.key())).findFirst().orElse(null);
        if (next == null) {
            return RepeatStatus.FINISHED;
        }
        PlannedReport report = next.report();
        DataAsOf asOf = storeDays.asOf(report.storeDays(), OffsetDateTime.now(clock));
        RenderedReport rendered = renderer.render(new RenderRequest(report.definition(), report.subject(),
                report.period(), next.language(), report.regionStores(), asOf, job.getId()));
        ReportArchive.Kept kept = archive.keep(rendered);
        done.putLong(DONE + next.key(), kept.report().id());
        String counter = kept.reused() ? UNCHANGED : NEW_VERSIONS;
        done.putInt(counter, done.getInt(counter, 0) + 1);
        job.getExecutionContext().putInt(counter, done.getInt(counter));
        contribution.incrementReadCount();
        contribution.incrementWriteCount(kept.reused() ? 0 : 1);
        log.info("{} ({}): {} version {}", report.label(), next.language().toLanguageTag(),
                kept.reused() ? "unchanged, keeps" : "archived as", kept.report().version());
        return RepeatStatus.CONTINUABLE;
    }

    private static List<Work> work(List<PlannedReport> reports) {
        List<Work> work = new ArrayList<>();
        for (PlannedReport report : reports) {
            for (Locale language : report.languages()) {
                work.add(new Work(report, language));
            }
        }
        return work;
    }

    private record Work(PlannedReport report, Locale language) {

        String key() {
            return report.label() + " " + language.toLanguageTag();
        }
    }
}
