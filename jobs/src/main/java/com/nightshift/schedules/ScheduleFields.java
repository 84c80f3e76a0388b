package com.nightshift.schedules;

import static com.nightshift.yaml.FileNodes.isNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.nightshift.yaml.FileNodes;

/**
 * One schedule's fields by name, each read and checked on its own; every problem is noted at its line, naming the
 * schedule and the field it is about.
 */
final class ScheduleFields {

    static final List<String> NAMES = List.of("name", "job", "cron", "timezone", "parameters", "misfire",
            "catch-up-limit", "enabled");
    /** Names go into Quartz's keys (200 characters), URLs and command lines: nothing that needs quoting there. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final FileNodes nodes;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final MappingNode mapping;
    private final String schedule;

    /** @param index the schedule's place in its file's list, naming it while it has no name */
    ScheduleFields(FileNodes nodes, MappingNode mapping, int index) {
        this.nodes = nodes;
        this.mapping = mapping;
        this.schedule = nameOf(mapping).map(name -> "schedule '" + name + "'").orElse("schedule #" + index);
        for (NodeTuple tuple : mapping.getValue()) {
            String key = FileNodes.text(tuple.getKeyNode());
            if (key == null || !NAMES.contains(key)) {
                problem(tuple.getKeyNode(), nodes.source(tuple.getKeyNode()), "unknown field (known: "
                        + String.join(", ", NAMES) + ")");
            } else if (values.putIfAbsent(key, tuple.getValueNode()) != null) {
                problem(tuple.getKeyNode(), key, "given twice");
            }
        }
        if (FileNodes.text(values.get("name")) == null && wellFormed("name")) {
            problem(null, "name", "missing: every schedule needs a name of its own");
        }
    }

    private Optional<String> nameOf(MappingNode mapping) {
        return mapping.getValue().stream().filter(tuple -> "name".equals(FileNodes.text(tuple.getKeyNode())))
                .map(tuple -> FileNodes.text(tuple.getValueNode())).filter(Objects::nonNull).findFirst();
    }

    Node node(String field) {
        return values.get(field);
    }

    /** Whether the field is absent or text, i.e. no problem has been noted about its form. */
    boolean wellFormed(String field) {
        Node node = values.get(field);
        return node == null || isNull(node) || node instanceof ScalarNode;
    }

    /** The field's text; null when absent or blank, and (the problem noted) when it is not text. */
    String text(String field) {
        Node node = values.get(field);
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode)) {
            problem(node, field, "must be a piece of text, not '" + nodes.source(node) + "'");
            return null;
        }
        return FileNodes.text(node);
    }

    String name() {
        String name = text("name");
        if (name == null) {
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            problem(node("name"), "name", "'" + name + "' must be letters, digits, '.', '_' or '-', starting "
                    + "with a letter or digit, at most 100 characters");
        }
        return name;
    }

    /**
     * @param known   the names of the jobs there are, for messages
     * @param enabled whether the schedule fires: only a disabled one may name a job this version does not have
     */
    String job(Collection<String> known, boolean enabled) {
        String job = text("job");
        String jobs = known.isEmpty() ? "no jobs known"
                : "known: " + String.join(", ", known.stream().sorted().toList());
        if (job == null && wellFormed("job")) {
            problem(null, "job", "missing: the job it starts (" + jobs + ")");
        } else if (job != null && enabled && !known.contains(job)) {
            problem(node("job"), "job", "unknown job '" + job + "' (" + jobs
                    + "; only a disabled schedule may name a job this version does not have)");
        }
        return job;
    }

    boolean enabled() {
        Node node = node("enabled");
        if (node == null || isNull(node)) {
            return true;
        }
        String value = node instanceof ScalarNode scalar ? scalar.getValue() : nodes.source(node);
        if (node.getTag().equals(Tag.BOOL) && (value.equals("true") || value.equals("false"))) {
            return value.equals("true");
        }
        problem(node, "enabled", "must be true or false, was '" + value + "'");
        return true;
    }

    ZoneId zone(ZoneId defaultZone) {
        String zone = text("timezone");
        if (zone == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            problem(node("timezone"), "timezone", "unknown time zone '" + zone + "' (a region such as "
                    + "Asia/Shanghai or Europe/Berlin)");
            return defaultZone;
        }
    }

    String cron(ZoneId zone, Instant now) {
        String cron = text("cron");
        if (cron == null) {
            if (wellFormed("cron")) {
                problem(null, "cron", "missing: when it fires, as a Quartz cron expression such as '0 0 7 * * ?'");
            }
            return null;
        }
        try {
            if (FireTimes.of(cron, zone).nextAfter(now).isEmpty()) {
                problem(node("cron"), "cron", "'" + cron + "' never fires again");
            }
        } catch (IllegalArgumentException e) {
            problem(node("cron"), "cron", "'" + cron + "' is not a Quartz cron expression (" + e.getMessage()
                    + "): seconds minutes hours day-of-month month day-of-week [year], such as '0 0 7 * * ?'");
        }
        return cron;
    }

    Misfire misfire() {
        String misfire = text("misfire");
        if (misfire == null) {
            return Misfire.CATCH_UP;
        }
        return switch (misfire) {
            case "catch-up" -> Misfire.CATCH_UP;
            case "skip" -> Misfire.SKIP;
            default -> {
                problem(node("misfire"), "misfire", "must be catch-up or skip, was '" + misfire + "'");
                yield Misfire.CATCH_UP;
            }
        };
    }

    int catchUpLimit(int defaultLimit) {
        Node node = node("catch-up-limit");
        if (node == null || isNull(node)) {
            return defaultLimit;
        }
        String value = node instanceof ScalarNode scalar ? scalar.getValue() : nodes.source(node);
        if (node.getTag().equals(Tag.INT) && value.matches("[0-9]{1,6}") && Integer.parseInt(value) > 0) {
            return Integer.parseInt(value);
        }
        problem(node, "catch-up-limit", "must be a whole number from 1 to 999999, was '" + value + "'");
        return defaultLimit;
    }

    /** Notes a problem at the node, or at the schedule's first line when the field is absent. */
    void problem(Node node, String field, String what) {
        nodes.problem(node == null ? mapping : node, schedule + ", field '" + field + "': " + what);
    }

    /** A node as the file writes it. */
    String source(Node node) {
        return nodes.source(node);
    }
}
