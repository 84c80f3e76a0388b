package com.nightshift.cli;

/** Exit codes, documented in the README for cron and shell scripts. */
final class ExitCodes {

    static final int OK = 0;
    /** The work ran and failed (a job FAILED or STOPPED, generation failed). */
    static final int FAILED = 1;
    /** Bad input: unknown command or job, malformed option or parameter. Nothing was changed. */
    static final int USAGE = 2;
    /** A server the engine needs could not be reached or started. Nothing was changed. */
    static final int UNAVAILABLE = 3;
    /** The database's schema is behind, or {@code orders} cannot be read exactly: see {@code nightshift migrate}. */
    static final int SCHEMA = 4;

    private ExitCodes() {
    }
}
