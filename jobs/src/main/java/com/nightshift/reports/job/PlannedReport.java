package com.nightshift.reports.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.ReportSubject;

/**
 * One report a run renders, in each language of its recipients.
 *
 * @param regionStores for a region's report, the region's stores; empty otherwise
 * @param languages    the languages of the people who receive it
 */
record PlannedReport(ReportDefinition definition, ReportSubject subject, ReportPeriod period,
                     List<String> regionStores, List<Locale> languages) {

    PlannedReport {
        regionStores = List.copyOf(regionStores);
        languages = List.copyOf(languages);
    }

    /**
     * The store-days its figures come from: a store's day also compares with the day before and the same weekday
     * a week earlier; a week with the week before. Null stores mean every store (the chain's report).
     */
    StoreDays storeDays() {
        List<LocalDate> dates = new ArrayList<>();
        if (period.weekly()) {
            for (LocalDate day = period.from().minusWeeks(1); !day.isAfter(period.to()); day = day.plusDays(1)) {
                dates.add(day);
            }
        } else {
            dates.add(period.from().minusWeeks(1));
            dates.add(period.from().minusDays(1));
            dates.add(period.from());
        }
        List<String> stores = switch (definition.scope()) {
            case STORE_DAY -> List.of(subject.name());
            case REGION_WEEK -> regionStores;
            case CHAIN_WEEK -> null;
        };
        return new StoreDays(stores, dates);
    }

    /** Where the run's log and exit message name it: {@code store-daily 北京朝阳店 2026-11-28}. */
    String label() {
        return definition.name() + " " + subject.name() + " " + period.key();
    }

    /** @param stores null for every store */
    record StoreDays(List<String> stores, List<LocalDate> dates) {
    }
}
