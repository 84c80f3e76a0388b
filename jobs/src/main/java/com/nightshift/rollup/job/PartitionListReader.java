package com.nightshift.rollup.job;

import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.nightshift.rollup.RollupPartition;

/** Hands a worker its partitions one by one, remembering in its step context how many have committed. */
class PartitionListReader implements ItemStreamReader<RollupPartition> {

    private List<RollupPartition> partitions = List.of();
    private int next;

    @Override
    public void open(ExecutionContext context) {
        partitions = PartitionAssignment.partitionsOf(context);
        next = context.getInt(PartitionAssignment.NEXT, 0);
    }

    @Override
    public RollupPartition read() {
        return next < partitions.size() ? partitions.get(next++) : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(PartitionAssignment.NEXT, next);
    }
}
