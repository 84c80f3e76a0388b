package com.nightshift.health.console;

import java.util.List;

/**
 * One group of checks on the overview: its name, its worst state (a group is as sick as its sickest check) and its
 * checks' latest results.
 */
record GroupSection(String group, String label, String worst, String worstLabel, List<ResultRow> rows) {
}
