package com.nightshift.rollup.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import com.nightshift.rollup.RollupPartition;

/**
 * Plans a run's partitions and deals them out to one worker step per thread. A worker commits its partitions
 * a few per transaction; Spring Batch's bookkeeping is per worker, not per partition, which keeps a run of a
 * hundred small partitions from spending most of its time recording them.
 *
 * <p>The plan is read from the partitions step that is running, which Spring Batch registers on this thread
 * while it splits the step.
 */
@Component
class RollupPartitioner implements Partitioner {

    private final RollupPlanner planner;

    RollupPartitioner(RollupPlanner planner) {
        this.planner = planner;
    }

    @Override
    public Map<String, ExecutionContext> partition(int workers) {
        RollupPlanContext plan = RollupPlanContext.of(StepSynchronizationManager.getContext().getStepExecution());
        List<RollupPartition> partitions = plan.mode() == RollupMode.FULL
                ? planner.full(plan.from(), plan.to())
                : planner.incremental(plan.since(), plan.until());
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        List<List<RollupPartition>> shares = PartitionAssignment.deal(partitions, workers);
        for (int worker = 0; worker < shares.size(); worker++) {
            contexts.put("worker-" + (worker + 1), PartitionAssignment.toContext(shares.get(worker)));
        }
        return contexts;
    }
}
