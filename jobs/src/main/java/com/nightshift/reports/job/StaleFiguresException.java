package com.nightshift.reports.job;

/** Some of a run's store-days are not completely rolled up: their figures must not be rendered or mailed. */
class StaleFiguresException extends RuntimeException {

    StaleFiguresException(String message) {
        super(message);
    }
}
