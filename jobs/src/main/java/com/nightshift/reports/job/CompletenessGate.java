package com.nightshift.reports.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.nightshift.reports.ReportProperties;

/**
 * The report job's first rule: figures are rendered only from complete rollups. Checks every store-day the run's
 * reports are filled from; while some are stale, has the rollup catch up and checks again, until
 * {@code nightshift.reports.completeness-deadline}; then fails naming the stale store-days.
 */
@Component
class CompletenessGate {

    /** How many stale store-days the failure names before "and N more". */
    static final int NAMED = 10;

    private final StaleStoreDays staleStoreDays;
    private final RollupCatchUp catchUp;
    private final ReportProperties properties;
    private final Clock clock;

    CompletenessGate(StaleStoreDays staleStoreDays, RollupCatchUp catchUp, ReportProperties properties,
                     Clock clock) {
        this.staleStoreDays = staleStoreDays;
        this.catchUp = catchUp;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @return how many rollups it had to wait for
     * @throws StaleFiguresException when the deadline passes with store-days still stale
     */
    int requireComplete(List<PlannedReport> reports) throws InterruptedException {
        Instant deadline = clock.instant().plus(properties.completenessDeadline());
        int rollups = 0;
        while (true) {
            List<StaleStoreDays.StaleStoreDay> stale = stale(reports);
            if (stale.isEmpty()) {
                return rollups;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new StaleFiguresException(message(stale));
            }
            catchUp.catchUp(stale, left);
            rollups++;
        }
    }

    private List<StaleStoreDays.StaleStoreDay> stale(List<PlannedReport> reports) {
        LinkedHashSet<StaleStoreDays.StaleStoreDay> stale = new LinkedHashSet<>();
        for (PlannedReport.StoreDays storeDays : reports.stream().map(PlannedReport::storeDays).distinct().toList()) {
            stale.addAll(staleStoreDays.among(storeDays));
        }
        return new ArrayList<>(stale);
    }

    private String message(List<StaleStoreDays.StaleStoreDay> stale) {
        String named = stale.stream().limit(NAMED).map(day -> day.store() + " " + day.date())
                .collect(Collectors.joining(", "));
        return stale.size() + " store-days are not completely rolled up within "
                + properties.completenessDeadline().toSeconds() + " s (nightshift.reports.completeness-deadline), "
                + "so no report is rendered or sent: " + named
                + (stale.size() > NAMED ? " and " + (stale.size() - NAMED) + " more" : "")
                + "; run the rollup (rollup mode=incremental), then this report again";
    }
}
