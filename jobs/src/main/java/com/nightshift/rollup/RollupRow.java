package com.nightshift.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a rollup as dashboards read it. Amounts are exact to the cent ({@code numeric(14,2)}), and
 * serialize as JSON numbers written from their decimal text, never through floating point.
 */
public sealed interface RollupRow permits StoreDailyRow, StoreProductDailyRow, StoreChannelDailyRow {

    LocalDate businessDate();

    String store();

    int orders();

    long quantity();

    BigDecimal grossAmount();

    BigDecimal refundAmount();

    BigDecimal netAmount();
}
