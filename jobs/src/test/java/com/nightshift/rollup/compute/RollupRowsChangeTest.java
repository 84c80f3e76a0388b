package com.nightshift.rollup.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RollupRowsChangeTest {

    private static final String STORE = "成都春熙路店";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    @Test
    void identicalRowsChangeNothing() {
        PartitionRows rows = rows(List.of(storeDay(DAY, 5, 900)), List.of(product(DAY, "奶茶", 900)), List.of());

        RollupRowsChange change = RollupRowsChange.between(rows, rows);

        assertThat(change.deletes().size()).isZero();
        assertThat(change.inserts().size()).isZero();
        assertThat(change.keysChanged()).isZero();
    }

    @Test
    void againstNoRowsEveryComputedRowIsInserted() {
        PartitionRows computed = rows(List.of(storeDay(DAY, 5, 900)), List.of(product(DAY, "奶茶", 900)),
                List.of(channel(DAY, "美团", 900)));

        RollupRowsChange change = RollupRowsChange.between(rows(List.of(), List.of(), List.of()), computed);

        assertThat(change.inserts()).isEqualTo(computed);
        assertThat(change.deletes().size()).isZero();
        assertThat(change.keysChanged()).isEqualTo(3);
    }

    @Test
    void aChangedRowIsDeletedAndInsertedAgain() {
        PartitionRows held = rows(List.of(storeDay(DAY, 5, 900)), List.of(), List.of());
        PartitionRows computed = rows(List.of(storeDay(DAY, 5, 901)), List.of(), List.of());

        RollupRowsChange change = RollupRowsChange.between(held, computed);

        assertThat(change.deletes().storeDays()).containsExactly(storeDay(DAY, 5, 900));
        assertThat(change.inserts().storeDays()).containsExactly(storeDay(DAY, 5, 901));
        assertThat(change.keysChanged()).isOne();
    }

    @Test
    void aStoreDayWhoseLineCountAloneChangedIsRewritten() {
        PartitionRows held = rows(List.of(storeDay(DAY, 5, 900)), List.of(), List.of());
        PartitionRows computed = rows(List.of(storeDay(DAY, 6, 900)), List.of(), List.of());

        assertThat(RollupRowsChange.between(held, computed).inserts().storeDays()).hasSize(1);
    }

    @Test
    void productRowsAreComparedOnTheValuesTheirTableKeeps() {
        PartitionRow held = new PartitionRow(DAY, "奶茶", 1, 0, 2, 900, 0);
        PartitionRow computed = new PartitionRow(DAY, "奶茶", 1, 3, 2, 900, 0);

        RollupRowsChange change = RollupRowsChange.between(rows(List.of(), List.of(held), List.of()),
                rows(List.of(), List.of(computed), List.of()));

        assertThat(change.keysChanged()).isZero();
    }

    @Test
    void aVanishedKeyIsDeletedAndANewOneInserted() {
        PartitionRows held = rows(List.of(), List.of(), List.of(channel(DAY, "美团", 500)));
        PartitionRows computed = rows(List.of(), List.of(), List.of(channel(DAY, "饿了么", 500)));

        RollupRowsChange change = RollupRowsChange.between(held, computed);

        assertThat(change.deletes().channelDays()).containsExactly(channel(DAY, "美团", 500));
        assertThat(change.inserts().channelDays()).containsExactly(channel(DAY, "饿了么", 500));
        assertThat(change.keysChanged()).isEqualTo(2);
    }

    @Test
    void keysOfDifferentGrainsAreNeverConfused() {
        PartitionRows held = rows(List.of(), List.of(product(DAY, "外卖", 500)), List.of());
        PartitionRows computed = rows(List.of(), List.of(), List.of(channel(DAY, "外卖", 500)));

        RollupRowsChange change = RollupRowsChange.between(held, computed);

        assertThat(change.deletes().productDays()).hasSize(1);
        assertThat(change.inserts().channelDays()).hasSize(1);
    }

    @Test
    void rowsOfAnotherStoreCannotBeCompared() {
        PartitionRows other = new PartitionRows("西安碑林店", List.of(), List.of(), List.of());

        assertThatThrownBy(() -> RollupRowsChange.between(other, rows(List.of(), List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("西安碑林店");
    }

    private static PartitionRows rows(List<PartitionRow> storeDays, List<PartitionRow> products,
                                      List<PartitionRow> channels) {
        return new PartitionRows(STORE, storeDays, products, channels);
    }

    private static PartitionRow storeDay(LocalDate day, long lines, long grossCents) {
        return new PartitionRow(day, null, 2, lines, 7, grossCents, 0);
    }

    private static PartitionRow product(LocalDate day, String name, long grossCents) {
        return new PartitionRow(day, name, 1, 0, 2, grossCents, 0);
    }

    private static PartitionRow channel(LocalDate day, String name, long grossCents) {
        return new PartitionRow(day, name, 1, 0, 2, grossCents, 0);
    }
}
