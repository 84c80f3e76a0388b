package com.nightshift.schedules;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * The instants a cron expression fires at in a zone, with one rule for daylight-saving changes that Quartz's
 * own cron triggers lack (they skip a local time that does not exist, and fire a repeated one at its second
 * occurrence): the cron is read on the wall clock, and each local time it names fires exactly once,
 * <ul>
 * <li>a local time that does not exist (clocks go forward) fires as much later as the clocks jumped, as
 * {@code java.time} reads it: 02:30 on Europe/Berlin's spring-forward day fires at 03:30 CEST, unless the cron
 * fires at that instant anyway, in which case it fires there once;</li>
 * <li>a local time that occurs twice (clocks go back) fires at its first occurrence only: a schedule every 15
 * minutes pauses for the repeated hour.</li>
 * </ul>
 */
public final class FireTimes {

    private static final ZoneId WALL_CLOCK = ZoneOffset.UTC;
    /** Longer than any daylight-saving shift there is, so every local time mapped across one is seen. */
    private static final Duration SHIFT_MARGIN = Duration.ofHours(3);

    private final CronExpression wallClockCron;
    private final ZoneId zone;
    private final ZoneRules rules;

    private FireTimes(CronExpression wallClockCron, ZoneId zone) {
        this.wallClockCron = wallClockCron;
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** @throws IllegalArgumentException with Quartz's words for what is wrong with the expression */
    public static FireTimes of(String cron, ZoneId zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(WALL_CLOCK));
            return new FireTimes(expression, zone);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The first fire strictly after {@code after}; empty when the expression never fires again. */
    public Optional<Instant> nextAfter(Instant after) {
        LocalDateTime wall = LocalDateTime.ofInstant(after, zone);
        boolean shiftNear = shiftNear(after);
        // a local time in a gap just before 'after' on the wall clock may fire after it
        LocalDateTime local = shiftNear ? wall.minus(SHIFT_MARGIN) : wall;
        Instant best = null;
        while (true) {
            Optional<LocalDateTime> next = wallClockAfter(local);
            if (next.isEmpty()) {
                return Optional.ofNullable(best);
            }
            local = next.get();
            if (best != null && local.isAfter(LocalDateTime.ofInstant(best, zone).plus(SHIFT_MARGIN))) {
                return Optional.of(best);
            }
            Instant fire = ZonedDateTime.ofLocal(local, zone, null).toInstant();
            if (fire.isAfter(after) && (best == null || fire.isBefore(best))) {
                best = fire;
                if (!shiftNear(fire)) {
                    return Optional.of(best);
                }
            }
        }
    }

    /** The next {@code count} fires after {@code after}, in order (fewer if the expression stops firing). */
    public List<Instant> next(Instant after, int count) {
        List<Instant> fires = new ArrayList<>();
        Instant from = after;
        while (fires.size() < count) {
            Optional<Instant> next = nextAfter(from);
            if (next.isEmpty()) {
                break;
            }
            fires.add(next.get());
            from = next.get();
        }
        return fires;
    }

    /** The fires after {@code fromExclusive} up to and including {@code toInclusive}, oldest first, at most max. */
    public List<Instant> between(Instant fromExclusive, Instant toInclusive, int max) {
        List<Instant> fires = new ArrayList<>();
        Instant from = fromExclusive;
        while (fires.size() < max) {
            Optional<Instant> next = nextAfter(from).filter(fire -> !fire.isAfter(toInclusive));
            if (next.isEmpty()) {
                break;
            }
            fires.add(next.get());
            from = next.get();
        }
        return fires;
    }

    public ZoneId zone() {
        return zone;
    }

    private Optional<LocalDateTime> wallClockAfter(LocalDateTime local) {
        Date next = wallClockCron.getTimeAfter(Date.from(local.toInstant(ZoneOffset.UTC)));
        return Optional.ofNullable(next).map(date -> LocalDateTime.ofInstant(date.toInstant(), WALL_CLOCK));
    }

    /** Whether the zone's offset changes within a day of the instant, where the wall clock is not monotonic. */
    private boolean shiftNear(Instant instant) {
        ZoneOffsetTransition next = rules.nextTransition(instant.minus(Duration.ofDays(1)));
        return next != null && next.getInstant().isBefore(instant.plus(Duration.ofDays(1)));
    }
}
