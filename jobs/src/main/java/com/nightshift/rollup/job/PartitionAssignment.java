package com.nightshift.rollup.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.nightshift.rollup.RollupPartition;

/**
 * The partitions one worker of a run rolls up, in order, and how far it has got. Kept in the worker's step
 * execution context, which Spring Batch saves with every committed partition: a restarted worker resumes
 * with the first partition that had not committed, from the very same list.
 */
final class PartitionAssignment {

    private static final String PARTITIONS = "rollup.partitions";
    static final String NEXT = "rollup.next";
    private static final int DATE_LENGTH = 10;

    private PartitionAssignment() {
    }

    /** Deals the partitions out to {@code workers} workers, round robin, so each gets a share of every store. */
    static List<List<RollupPartition>> deal(List<RollupPartition> partitions, int workers) {
        List<List<RollupPartition>> shares = new ArrayList<>();
        for (int i = 0; i < Math.min(workers, partitions.size()); i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < partitions.size(); i++) {
            shares.get(i % shares.size()).add(partitions.get(i));
        }
        return shares;
    }

    static ExecutionContext toContext(List<RollupPartition> partitions) {
        ExecutionContext context = new ExecutionContext();
        // dates have a fixed length, so a store name may hold any character
        context.put(PARTITIONS, new ArrayList<>(partitions.stream()
                .map(partition -> partition.from() + "" + partition.to() + partition.store())
                .toList()));
        context.putInt(NEXT, 0);
        return context;
    }

    @SuppressWarnings("unchecked")
    static List<RollupPartition> partitionsOf(ExecutionContext context) {
        List<String> encoded = (List<String>) context.get(PARTITIONS);
        return encoded == null ? List.of() : encoded.stream()
                .map(text -> new RollupPartition(text.substring(2 * DATE_LENGTH),
                        LocalDate.parse(text.substring(0, DATE_LENGTH)),
                        LocalDate.parse(text.substring(DATE_LENGTH, 2 * DATE_LENGTH))))
                .toList();
    }

    /** The partitions of this worker that have committed. */
    static List<RollupPartition> committed(ExecutionContext context) {
        return partitionsOf(context).subList(0, context.getInt(NEXT, 0));
    }
}
