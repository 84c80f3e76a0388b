package com.nightshift.reports;

import java.time.LocalDate;

import com.nightshift.calendar.IsoWeek;

/**
 * The business dates a report covers: one day for {@link ReportScope#STORE_DAY}, an ISO week otherwise.
 *
 * @param from  the first business date
 * @param to    the last business date
 * @param key   the period as people write it: {@code 2026-11-28} or {@code 2026-W48}
 */
public record ReportPeriod(LocalDate from, LocalDate to, String key) {

    public static ReportPeriod day(LocalDate date) {
        return new ReportPeriod(date, date, date.toString());
    }

    public static ReportPeriod week(IsoWeek week) {
        return new ReportPeriod(week.monday(), week.sunday(), week.toString());
    }

    public boolean weekly() {
        return !from.equals(to);
    }
}
