package com.nightshift.health.data;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.health.jobs.GrantAwareCheck;
import com.nightshift.health.jobs.PreviousHealthRun;

/**
 * Order lines the rollup quarantined (could not count) since the previous health run, counted per store and reason.
 * A store-day rolled up again quarantines its broken lines again, so a line still broken is reported again after
 * its store-day's next rollup: it is still not counted.
 */
@Component
class QuarantineCheck extends GrantAwareCheck {

    static final String NAME = "data.quarantine";
    private static final int NAMED = 10;

    private final DataThresholds thresholds;
    private final PreviousHealthRun previous;

    QuarantineCheck(HealthQueries queries, DataThresholds thresholds, PreviousHealthRun previous) {
        super(NAME, CheckGroup.DATA, queries);
        this.thresholds = thresholds;
        this.previous = previous;
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        PreviousHealthRun.Since since = previous.since(jdbc);
        List<Group> groups = jdbc.query("""
                SELECT coalesce(store_name, '(no store)') AS store, reason, count(*) AS lines
                FROM rollup_quarantine WHERE quarantined_at >= ?
                GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2""", (rs, row) -> new Group(rs.getString("store"),
                rs.getString("reason"), rs.getLong("lines")), OffsetDateTime.ofInstant(since.from(), ZoneOffset.UTC));
        long lines = groups.stream().mapToLong(Group::lines).sum();
        HealthState state = HealthState.above(lines, thresholds.quarantineWarn(), thresholds.quarantineCrit());
        List<Measurement> values = List.of(new Measurement("quarantined", lines,
                (double) thresholds.quarantineWarn(), (double) thresholds.quarantineCrit(), "lines"));
        if (state == HealthState.OK) {
            return new CheckResult(NAME, group(), state, lines == 0 ? "No order line quarantined " + since.describe()
                    + "." : lines + " order line(s) quarantined " + since.describe() + ", under the threshold.",
                    values);
        }
        String named = groups.stream().limit(NAMED).map(Group::describe).collect(Collectors.joining("; "))
                + (groups.size() > NAMED ? "; and " + (groups.size() - NAMED) + " more stores and reasons" : "");
        return new CheckResult(NAME, group(), state, String.format("%d order line%s quarantined %s (warn from %d, "
                + "crit from %d), not counted in any rollup: %s. Fix them in orders at their source (ids and reasons: "
                + "SELECT order_line_id, reason FROM rollup_quarantine); a fixed line leaves the quarantine when its "
                + "store-day is rolled up again.", lines, lines == 1 ? "" : "s", since.describe(),
                thresholds.quarantineWarn(), thresholds.quarantineCrit(), named), values);
    }

    private record Group(String store, String reason, long lines) {

        String describe() {
            return store + ": " + reason + " " + lines;
        }
    }
}
