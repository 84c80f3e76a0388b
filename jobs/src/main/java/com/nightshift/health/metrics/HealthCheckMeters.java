package com.nightshift.health.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Component;

import com.nightshift.health.HealthState;
import com.nightshift.health.Measurement;
import com.nightshift.health.StoredResult;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The health checks on {@code /actuator/prometheus}, from their latest stored results ({@link LatestResults}):
 * <ul>
 * <li>{@code nightshift_health_check_state{check,group}}: 0 OK, 1 WARN, 2 CRIT; one series per check, so that an
 * alert rule is {@code == 2} and a group's state is a {@code max by (group)};</li>
 * <li>{@code nightshift_health_check_value{check,measure,unit}} and, where the check has them,
 * {@code nightshift_health_check_warn_threshold} and {@code nightshift_health_check_crit_threshold} with the same
 * labels, so that a chart draws the value against its lines;</li>
 * <li>{@code nightshift_health_check_checked_timestamp_seconds{check}}: when the result was found (a health job
 * that stopped running shows as an old timestamp, not as a stale OK);</li>
 * <li>{@code nightshift_health_checks{state}}: how many checks are in each state.</li>
 * </ul>
 * Labels are bounded by the code: checks are the {@code HealthCheck} beans, measures the names their code gives.
 * The per-check series are registered as results appear, when a scrape reads them, so a check's first result
 * shows a scrape or two after it is stored (the read happens in the background, see {@link LatestResults}).
 */
@Component
class HealthCheckMeters {

    private final LatestResults results;
    private final MultiGauge states;
    private final MultiGauge checkedAt;
    private final MultiGauge values;
    private final MultiGauge warnThresholds;
    private final MultiGauge critThresholds;

    /** The results the registered series were made for; new ones re-register them. */
    private List<StoredResult> registered;

    HealthCheckMeters(LatestResults results, MeterRegistry registry) {
        this.results = results;
        this.states = MultiGauge.builder("nightshift.health.check.state")
                .description("Latest state of each health check: 0 OK, 1 WARN, 2 CRIT").register(registry);
        this.checkedAt = MultiGauge.builder("nightshift.health.check.checked.timestamp").baseUnit("seconds")
                .description("When the latest result of each health check was found, as a Unix time")
                .register(registry);
        this.values = MultiGauge.builder("nightshift.health.check.value")
                .description("What the latest run of each health check measured").register(registry);
        this.warnThresholds = MultiGauge.builder("nightshift.health.check.warn.threshold")
                .description("The value from which a health check's measure is WARN").register(registry);
        this.critThresholds = MultiGauge.builder("nightshift.health.check.crit.threshold")
                .description("The value from which a health check's measure is CRIT").register(registry);
        for (HealthState state : HealthState.values()) {
            // always present, so that a scrape reads the results even before any check has a series of its own
            Gauge.builder("nightshift.health.checks", this, meters -> meters.count(state))
                    .description("Health checks whose latest result is in this state")
                    .tag("state", state.name()).register(registry);
        }
    }

    private double count(HealthState state) {
        return current().stream().filter(result -> result.state() == state).count();
    }

    private synchronized List<StoredResult> current() {
        List<StoredResult> latest = results.get();
        if (latest != registered) {
            register(latest);
            registered = latest;
        }
        return latest;
    }

    private void register(List<StoredResult> latest) {
        states.register(latest.stream().map(result -> row(Tags.of("check", result.check(), "group",
                result.group().name().toLowerCase(Locale.ROOT)), result.check(),
                found -> (double) found.state().ordinal())).toList());
        checkedAt.register(latest.stream().map(result -> row(Tags.of("check", result.check()), result.check(),
                found -> found.checkedAt().toEpochMilli() / 1000.0)).toList());
        values.register(measures(latest, Measurement::value));
        warnThresholds.register(measures(latest, Measurement::warnAt));
        critThresholds.register(measures(latest, Measurement::critAt));
    }

    /** A series per measure of every check, where {@code value} has one (a threshold may not). */
    private List<MultiGauge.Row<?>> measures(List<StoredResult> latest, Function<Measurement, Double> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (StoredResult result : latest) {
            for (Measurement measured : result.values()) {
                if (value.apply(measured) != null) {
                    Tags tags = Tags.of("check", result.check(), "measure", measured.name(), "unit",
                            Objects.requireNonNullElse(measured.unit(), "none"));
                    rows.add(measure(tags, result.check(), measured.name(), value));
                }
            }
        }
        return rows;
    }

    /** A series reading the check's result of the moment, NaN once the check has none. */
    private MultiGauge.Row<?> row(Tags tags, String check, ToDoubleFunction<StoredResult> value) {
        return MultiGauge.Row.of(tags, this, meters -> meters.current().stream()
                .filter(result -> result.check().equals(check)).findFirst()
                .map(value::applyAsDouble).orElse(Double.NaN));
    }

    private MultiGauge.Row<?> measure(Tags tags, String check, String measure, Function<Measurement, Double> value) {
        return row(tags, check, result -> result.values().stream().filter(found -> found.name().equals(measure))
                .map(value).filter(Objects::nonNull).findFirst().orElse(Double.NaN));
    }
}
