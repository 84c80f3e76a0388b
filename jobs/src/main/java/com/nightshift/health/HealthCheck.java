package com.nightshift.health;

/**
 * One check of the nightly health run. Every bean of this type is run by the job {@code health} in the step of its
 * group; a check that throws is recorded as a result saying it could not run, so one broken check never hides the
 * others or fails the job.
 */
public interface HealthCheck {

    /** Stable name, {@code <group>.<what>} in lower case, e.g. {@code sessions.idle-in-transaction}. */
    String name();

    CheckGroup group();

    CheckResult run();
}
