package com.nightshift.reports.figures;

import com.nightshift.reports.Headline;

/** A store's totals in a report's week and in the week before, for the weekly ranking. */
public record StoreWeek(String store, Headline week, Headline previousWeek) {
}
