package com.nightshift.rollup.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.nightshift.rollup.RollupPartition;
import com.nightshift.rollup.RollupProperties;
import com.nightshift.rollup.sql.ChangedStoreDays;
import com.nightshift.rollup.sql.ChangedStoreDays.StoreDay;
import com.nightshift.rollup.sql.Watermark.Position;

/** Splits a rollup run into partitions of one store and at most {@code partitionDays} consecutive dates. */
@Component
class RollupPlanner {

    private final ChangedStoreDays storeDays;
    private final RollupProperties properties;

    RollupPlanner(ChangedStoreDays storeDays, RollupProperties properties) {
        this.storeDays = storeDays;
        this.properties = properties;
    }

    /** Every store over {@code [from, to]}. */
    List<RollupPartition> full(LocalDate from, LocalDate to) {
        List<RollupPartition> partitions = new ArrayList<>();
        for (String store : storeDays.storesFor(from, to)) {
            for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(properties.partitionDays())) {
                LocalDate end = start.plusDays(properties.partitionDays() - 1L);
                partitions.add(new RollupPartition(store, start, end.isAfter(to) ? to : end));
            }
        }
        return partitions;
    }

    /** The store-days changed between the two snapshots, consecutive days of a store joined. */
    List<RollupPartition> incremental(Position since, Position until) {
        return joinConsecutiveDays(storeDays.changedBetween(since, until));
    }

    /** @param sorted store-days in store, then date order */
    private List<RollupPartition> joinConsecutiveDays(List<StoreDay> sorted) {
        List<RollupPartition> partitions = new ArrayList<>();
        StoreDay first = null;
        StoreDay last = null;
        for (StoreDay day : sorted) {
            boolean continues = last != null && last.store().equals(day.store())
                    && day.date().equals(last.date().plusDays(1))
                    && day.date().toEpochDay() - first.date().toEpochDay() < properties.partitionDays();
            if (!continues) {
                if (first != null) {
                    partitions.add(new RollupPartition(first.store(), first.date(), last.date()));
                }
                first = day;
            }
            last = day;
        }
        if (first != null) {
            partitions.add(new RollupPartition(first.store(), first.date(), last.date()));
        }
        return partitions;
    }
}
