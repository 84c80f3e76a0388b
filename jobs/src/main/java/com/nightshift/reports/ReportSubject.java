package com.nightshift.reports;

/**
 * Whom a report is about: a store (its name), a region (its name in the recipients file) or the whole chain.
 */
public record ReportSubject(ReportScope scope, String name) {

    public static final String CHAIN = "chain";

    public static ReportSubject store(String store) {
        return new ReportSubject(ReportScope.STORE_DAY, store);
    }

    public static ReportSubject region(String region) {
        return new ReportSubject(ReportScope.REGION_WEEK, region);
    }

    public static ReportSubject chain() {
        return new ReportSubject(ReportScope.CHAIN_WEEK, CHAIN);
    }
}
