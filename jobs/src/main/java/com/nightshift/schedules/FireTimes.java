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
    /** Longer than any daylight-saving shift there is: a gap's local times fire within its length of its start. */
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
        Instant best = firstOutsideGaps(after);
        // a local time in a gap fires as far after the transition as it is into the gap: that may be before
        // 'best', even for a local time before 'after' on the wall clock (just after the clocks jumped)
        ZoneOffsetTransition transition = rules.nextTransition(after.minus(SHIFT_MARGIN));
        while (transition != null && (best == null || transition.getInstant().isBefore(best))) {
            if (transition.isGap()) {
                Optional<LocalDateTime> local = firstInOrAfterGap(transition, after);
                if (local.isEmpty()) {
                    break;
                }
                if (local.get().isBefore(transition.getDateTimeAfter())) {
                    Instant fire = transition.getInstant()
                            .plus(Duration.between(transition.getDateTimeBefore(), local.get()));
                    return Optional.of(best == null || fire.isBefore(best) ? fire : best);
                }
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        return Optional.ofNullable(best);
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

    /**
     * The first fire of a local time outside the gaps: those fire in the order of their local times, so the first
     * whose instant is after {@code after} is the one, once a repeated hour's local times (fired at their first
     * occurrence, which may be behind {@code after}) are passed by.
     */
    private Instant firstOutsideGaps(Instant after) {
        Optional<LocalDateTime> next = wallClockAfter(LocalDateTime.ofInstant(after, zone));
        while (next.isPresent()) {
            LocalDateTime local = next.get();
            ZoneOffsetTransition transition = rules.getTransition(local);
            if (transition != null && transition.isGap()) {
                next = wallClockFrom(transition.getDateTimeAfter());
                continue;
            }
            Instant fire = ZonedDateTime.ofLocal(local, zone, null).toInstant();
            if (fire.isAfter(after)) {
                return fire;
            }
            next = transition != null ? wallClockFrom(transition.getDateTimeBefore()) : wallClockAfter(local);
        }
        return null;
    }

    /**
     * The cron's first local time, from the start of the gap, whose fire ({@code transition + (local - gap
     * start)}) is after {@code after}: in the gap, or past it when the cron names no such time in it.
     */
    private Optional<LocalDateTime> firstInOrAfterGap(ZoneOffsetTransition gap, Instant after) {
        Duration intoGap = Duration.between(gap.getInstant(), after);
        return intoGap.isNegative() ? wallClockFrom(gap.getDateTimeBefore())
                : wallClockAfter(gap.getDateTimeBefore().plus(intoGap));
    }

    /** The cron's first local time strictly after {@code local}. */
    private Optional<LocalDateTime> wallClockAfter(LocalDateTime local) {
        Date next = wallClockCron.getTimeAfter(Date.from(local.toInstant(ZoneOffset.UTC)));
        return Optional.ofNullable(next).map(date -> LocalDateTime.ofInstant(date.toInstant(), WALL_CLOCK));
    }

    /** The cron's first local time at or after {@code local}, a whole second (Quartz's resolution). */
    private Optional<LocalDateTime> wallClockFrom(LocalDateTime local) {
        return wallClockAfter(local.minusSeconds(1));
    }
}
