package com.nightshift.reports;

/**
 * What one report covers, which decides the figures it is filled with and who receives it: a store's business
 * day goes to that store's managers and its region's; a region's ISO week to the region's managers; the whole
 * chain's week to head office.
 */
public enum ReportScope {
    STORE_DAY,
    REGION_WEEK,
    CHAIN_WEEK;

    public boolean weekly() {
        return this != STORE_DAY;
    }
}
