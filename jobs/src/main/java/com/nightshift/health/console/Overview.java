package com.nightshift.health.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nightshift.health.CheckGroup;
import com.nightshift.health.HealthState;
import com.nightshift.health.StoredResult;

/**
 * The latest result of every check, grouped, in one of two orders: {@code worst} (the default: the groups in
 * trouble first, and in each group the checks in trouble first, so that what needs someone is at the top) or
 * {@code group} (the groups in the job's order, the checks by name, for a reader who knows where to look).
 */
enum Overview {
    WORST, GROUP;

    /** The order named in a link, or null if the name is none of them. */
    static Overview named(String name) {
        for (Overview order : values()) {
            if (order.name().equalsIgnoreCase(name)) {
                return order;
            }
        }
        return null;
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<GroupSection> sections(List<StoredResult> latest, HealthWords words, Locale locale) {
        Map<CheckGroup, List<StoredResult>> groups = new EnumMap<>(CheckGroup.class);
        latest.forEach(result -> groups.computeIfAbsent(result.group(), group -> new ArrayList<>()).add(result));
        Map<CheckGroup, HealthState> worst = new EnumMap<>(CheckGroup.class);
        groups.forEach((group, results) -> worst.put(group, results.stream().map(StoredResult::state)
                .reduce(HealthState.OK, HealthState::worse)));
        Comparator<StoredResult> byName = Comparator.comparing(StoredResult::check);
        Comparator<StoredResult> rows = this == WORST
                ? Comparator.comparing(StoredResult::state).reversed().thenComparing(byName) : byName;
        Comparator<CheckGroup> order = this == WORST
                ? Comparator.comparing((CheckGroup group) -> worst.get(group)).reversed()
                        .thenComparing(Comparator.<CheckGroup>naturalOrder())
                : Comparator.<CheckGroup>naturalOrder();
        return groups.keySet().stream().sorted(order).map(group -> new GroupSection(group.name(),
                words.group(group, locale), worst.get(group).name(), words.state(worst.get(group), locale),
                groups.get(group).stream().sorted(rows).map(result -> words.row(result, locale)).toList())).toList();
    }
}
