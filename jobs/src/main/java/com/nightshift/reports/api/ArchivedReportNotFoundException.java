package com.nightshift.reports.api;

/** No archived report, or no file, by that id. */
class ArchivedReportNotFoundException extends RuntimeException {

    ArchivedReportNotFoundException(String message) {
        super(message);
    }
}
