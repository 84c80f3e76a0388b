package com.nightshift.health;

/** The groups of checks; the job {@code health} runs one step per group, in this order. */
public enum CheckGroup {
    DATABASE, INDEXES, TABLES, SESSIONS, REDIS, DATA, JOBS, MAIL, DISK
}
