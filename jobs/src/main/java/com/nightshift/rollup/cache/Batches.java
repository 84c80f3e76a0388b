package com.nightshift.rollup.cache;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list into consecutive views of at most {@code size} elements. */
final class Batches {

    private Batches() {
    }

    static <T> List<List<T>> of(List<T> list, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < list.size(); start += size) {
            batches.add(list.subList(start, Math.min(list.size(), start + size)));
        }
        return batches;
    }
}
