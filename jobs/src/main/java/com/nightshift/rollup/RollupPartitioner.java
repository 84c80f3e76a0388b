package com.nightshift.rollup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Hands the planned partitions of a run to Spring Batch, one worker step execution each. */
class RollupPartitioner implements Partitioner {

    private final RollupPlanner planner;
    private final RollupPlanContext plan;

    RollupPartitioner(RollupPlanner planner, RollupPlanContext plan) {
        this.planner = planner;
        this.plan = plan;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<RollupPartition> partitions = plan.mode() == RollupMode.FULL
                ? planner.full(plan.from(), plan.to())
                : planner.incremental(plan.changedFrom(), plan.changedBefore());
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (RollupPartition partition : partitions) {
            contexts.put(partition.name(), partition.toContext());
        }
        return contexts;
    }
}
