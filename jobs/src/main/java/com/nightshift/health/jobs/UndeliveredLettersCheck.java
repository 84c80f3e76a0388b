package com.nightshift.health.jobs;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;

/**
 * Letters of the delivery ledger (reports, and alerts when they go through it) that have not reached their
 * recipient: the newest row of a letter's latest revision (a resend counts) is FAILED or UNCERTAIN, or has been
 * PENDING, RETRYING or SENDING for longer than {@code stuck-after}, and no row of that revision was DELIVERED. A
 * standing condition rather than a count since the previous run: it stays until someone resends the letter (or it is
 * older than {@code undelivered-lookback}).
 */
@Component
class UndeliveredLettersCheck extends GrantAwareCheck {

    static final String NAME = "jobs.undelivered-reports";
    private static final int NAMED = 10;

    private final JobsThresholds thresholds;

    UndeliveredLettersCheck(HealthQueries queries, JobsThresholds thresholds) {
        super(NAME, CheckGroup.JOBS, queries);
        this.thresholds = thresholds;
    }

    @Override
    protected CheckResult judge(JdbcTemplate jdbc) {
        List<Undelivered> letters = jdbc.query("""
                WITH latest AS (
                    SELECT DISTINCT ON (delivery_key, lower(email)) id, delivery_key, email, revision, state,
                           coalesce(last_reply, '') AS last_reply, next_attempt_at, claimed_at, updated_at
                    FROM delivery WHERE created_at >= now() - ? * interval '1 second'
                    ORDER BY delivery_key, lower(email), revision DESC, id DESC)
                SELECT l.* FROM latest l
                WHERE (l.state IN ('FAILED', 'UNCERTAIN')
                       OR (l.state IN ('PENDING', 'RETRYING') AND l.next_attempt_at < now() - ? * interval '1 second')
                       OR (l.state = 'SENDING' AND l.claimed_at < now() - ? * interval '1 second'))
                  AND NOT EXISTS (SELECT 1 FROM delivery x
                                  WHERE x.delivery_key = l.delivery_key AND lower(x.email) = lower(l.email)
                                    AND x.revision = l.revision AND x.state = 'DELIVERED')
                ORDER BY l.updated_at, l.id""", (rs, row) -> new Undelivered(rs.getLong("id"),
                rs.getString("delivery_key"), rs.getString("email"), rs.getString("state"),
                rs.getString("last_reply"), rs.getObject("updated_at", OffsetDateTime.class)),
                thresholds.undeliveredLookback().toSeconds(), thresholds.stuckAfter().toSeconds(),
                thresholds.stuckAfter().toSeconds());
        int count = letters.size();
        HealthState state = HealthState.above(count, thresholds.undeliveredWarn(), thresholds.undeliveredCrit());
        List<Measurement> values = List.of(new Measurement("undelivered", count,
                (double) thresholds.undeliveredWarn(), (double) thresholds.undeliveredCrit(), "letters"));
        if (state == HealthState.OK) {
            return new CheckResult(NAME, group(), state, count == 0
                    ? "Every letter of the last " + thresholds.undeliveredLookback().toDays() + " days was delivered "
                    + "or is on its way." : count + " letter(s) not delivered, under the warning threshold.", values);
        }
        String named = letters.stream().limit(NAMED).map(Undelivered::describe).collect(Collectors.joining("; "))
                + (count > NAMED ? "; and " + (count - NAMED) + " more" : "");
        return new CheckResult(NAME, group(), state, String.format("%d letter%s of the last %d days not delivered "
                + "(warn from %d, crit from %d): %s. FAILED: the mail server refused it or was unreachable through "
                + "every attempt; check mail.smtp and the address, then POST /api/reports/deliveries/{id}/resend. "
                + "UNCERTAIN: search the mail server's log for its Message-ID before resending. Stuck: no sender "
                + "took it up; run the job that planned it again.", count, count == 1 ? "" : "s",
                thresholds.undeliveredLookback().toDays(), thresholds.undeliveredWarn(), thresholds.undeliveredCrit(),
                named), values);
    }

    private record Undelivered(long id, String key, String email, String state, String lastReply,
                               OffsetDateTime since) {

        String describe() {
            boolean stuck = !state.equals("FAILED") && !state.equals("UNCERTAIN");
            return String.format("%s to %s (delivery %d) %s since %s%s", key, email, id,
                    stuck ? "stuck " + state : state, since.toInstant().truncatedTo(ChronoUnit.SECONDS),
                    lastReply.isBlank() ? "" : ", last answer: " + lastReply.lines().findFirst().orElse(""));
        }
    }
}
