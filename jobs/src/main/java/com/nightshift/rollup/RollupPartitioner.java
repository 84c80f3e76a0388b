package com.nightshift.rollup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Plans a run's partitions and deals them out to one worker step per thread. A worker commits its partitions
 * a few per transaction; Spring Batch's bookkeeping is per worker, not per partition, which keeps a run of a
 * hundred small partitions from spending most of its time recording them.
 */
class RollupPartitioner implements Partitioner {

    private final RollupPlanner planner;
    private final RollupPlanContext plan;

    RollupPartitioner(RollupPlanner planner, RollupPlanContext plan) {
        this.planner = planner;
        this.plan = plan;
    }

    @Override
    public Map<String, ExecutionContext> partition(int workers) {
        List<RollupPartition> partitions = plan.mode() == RollupMode.FULL
                ? planner.full(plan.from(), plan.to())
                : planner.incremental(plan.changedFrom(), plan.changedBefore());
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        List<List<RollupPartition>> shares = PartitionAssignment.deal(partitions, workers);
        for (int worker = 0; worker < shares.size(); worker++) {
            contexts.put("worker-" + (worker + 1), PartitionAssignment.toContext(shares.get(worker)));
        }
        return contexts;
    }
}
