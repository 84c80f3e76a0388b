package com.nightshift.reports.figures;

import java.time.LocalDate;
import java.util.List;

import com.nightshift.reports.Headline;

/** What a report is filled with, all read from the rollup tables. */
public sealed interface Figures permits Figures.StoreDay, Figures.Week {

    /** The totals of the report's subject and period. */
    Headline headline();

    List<Breakdown> channels();

    /** The best products by net amount, best first. */
    List<Breakdown> topProducts();

    /**
     * A store's business day, beside the day before and the same weekday a week earlier.
     *
     * @param topProducts at most {@link RollupFigures#STORE_DAY_TOP_PRODUCTS}
     */
    record StoreDay(String store, LocalDate date, Headline headline, Headline previousDay, Headline weekAgo,
                    List<Breakdown> channels, List<Breakdown> topProducts) implements Figures {

        public StoreDay {
            channels = List.copyOf(channels);
            topProducts = List.copyOf(topProducts);
        }
    }

    /**
     * An ISO week of several stores (a region's, or the chain's).
     *
     * @param stores      every store of the report, best net first, with the week before
     * @param topProducts at most {@link RollupFigures#WEEK_TOP_PRODUCTS}
     */
    record Week(LocalDate monday, Headline headline, Headline previousWeek, List<StoreWeek> stores,
                List<Breakdown> channels, List<Breakdown> topProducts) implements Figures {

        public Week {
            stores = List.copyOf(stores);
            channels = List.copyOf(channels);
            topProducts = List.copyOf(topProducts);
        }
    }
}
