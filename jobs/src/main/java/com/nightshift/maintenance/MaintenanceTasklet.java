package com.nightshift.maintenance;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One kind of maintenance action as a step: its lines become the step's exit message (the job's summary joins
 * them), each action counted as an item written, or read only in a dry run.
 */
class MaintenanceTasklet implements Tasklet {

    /** One kind of action: vacuums, reindexes or purges. */
    @FunctionalInterface
    interface Actions {
        List<Action> run(boolean dryRun) throws SQLException;
    }

    private final Actions actions;

    MaintenanceTasklet(Actions actions) {
        this.actions = actions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        boolean dryRun = MaintenanceRequest.dryRun(MaintenanceParametersValidator.given(
                chunkContext.getStepContext().getStepExecution().getJobParameters()));
        List<Action> done = actions.run(dryRun);
        done.forEach(action -> {
            contribution.incrementReadCount();
            if (action.outcome() == Action.Outcome.DONE) {
                contribution.incrementWriteCount(1);
            }
        });
        if (!done.isEmpty()) {
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                    done.stream().map(Action::line).collect(Collectors.joining("; "))));
        }
        return RepeatStatus.FINISHED;
    }
}
