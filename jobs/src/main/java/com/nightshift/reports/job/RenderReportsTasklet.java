package com.nightshift.reports.job;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.nightshift.reports.DataAsOf;
import com.nightshift.reports.archive.ReportArchive;
import com.nightshift.reports.render.RenderRequest;
import com.nightshift.reports.render.RenderedReport;
import com.nightshift.reports.render.ReportRenderer;

/**
 * Renders the run's reports into the archive, as many at once as the render executor has threads (filling and
 * exporting is CPU work), archiving them together in one transaction: unchanged figures keep their archived
 * version, changed ones make the next. What is archived is noted in the step's context with the same commit, so a
 * restart after a crash renders only what is missing.
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
    private final ThreadPoolTaskExecutor executor;
    private List<Work> work;

    RenderReportsTasklet(ReportRun run, ReportRenderer renderer, ReportArchive archive, StaleStoreDays storeDays,
                         Clock clock, ThreadPoolTaskExecutor executor) {
        this.run = run;
        this.renderer = renderer;
        this.archive = archive;
        this.storeDays = storeDays;
        this.clock = clock;
        this.executor = executor;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobExecution job = step.getJobExecution();
        if (work == null) {
            work = work(run.plan(job).reports());
        }
        ExecutionContext done = step.getExecutionContext();
        List<Work> next = work.stream().filter(item -> !done.containsKey(DONE + item.key()))
                .limit(executor.getMaxPoolSize()).toList();
        if (next.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        List<Future<RenderedReport>> rendering = new ArrayList<>();
        for (Work item : next) {
            rendering.add(executor.submit(() -> render(item, job)));
        }
        for (int i = 0; i < next.size(); i++) {
            keep(next.get(i), rendered(rendering.get(i)), done, job, contribution);
        }
        return RepeatStatus.CONTINUABLE;
    }

    private RenderedReport render(Work item, JobExecution job) {
        PlannedReport report = item.report();
        DataAsOf asOf = storeDays.asOf(report.storeDays(), OffsetDateTime.now(clock));
        return renderer.render(new RenderRequest(report.definition(), report.subject(), report.period(),
                item.language(), report.regionStores(), asOf, job.getId()));
    }

    private static RenderedReport rendered(Future<RenderedReport> rendering) throws Exception {
        try {
            return rendering.get();
        } catch (ExecutionException e) {
            // the report's own failure, as if it had been rendered on this thread
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void keep(Work item, RenderedReport rendered, ExecutionContext done, JobExecution job,
                      StepContribution contribution) {
        PlannedReport report = item.report();
        ReportArchive.Kept kept = archive.keep(rendered);
        done.putLong(DONE + item.key(), kept.report().id());
        String counter = kept.reused() ? UNCHANGED : NEW_VERSIONS;
        done.putInt(counter, done.getInt(counter, 0) + 1);
        job.getExecutionContext().putInt(counter, done.getInt(counter));
        contribution.incrementReadCount();
        contribution.incrementWriteCount(kept.reused() ? 0 : 1);
        log.info("{} ({}): {} version {}", report.label(), item.language().toLanguageTag(),
                kept.reused() ? "unchanged, keeps" : "archived as", kept.report().version());
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
