package com.nightshift.health;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The checks this engine runs: the names of its {@link HealthCheck} beans. The current state that the API, the
 * console and the metrics show is the latest result of each of these ({@link HealthHistory#latest}); a check renamed
 * or removed by an upgrade keeps its history, but its last state is no longer shown as if it still held, and
 * maintenance purges its results once past retention.
 */
@Component
public class CurrentChecks {

    private final Set<String> names;

    public CurrentChecks(List<HealthCheck> checks) {
        this.names = checks.stream().map(HealthCheck::name).collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> names() {
        return names;
    }

    public boolean contains(String check) {
        return names.contains(check);
    }
}
