package com.nightshift.schedules;

import static com.nightshift.yaml.FileNodes.isNull;
import static com.nightshift.yaml.FileNodes.line;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.nightshift.job.JobDescription;
import com.nightshift.yaml.FileNodes;
import com.nightshift.yaml.FileProblem;

/**
 * Reads the text of one schedule file, a single schedule (a mapping) or a list of them, into the schedules it
 * defines and everything wrong with them that the file and the jobs tell; names repeated across files are the
 * folder's question. The YAML is composed to nodes, not constructed to objects, because only nodes know their line.
 */
final class ScheduleFileReader {

    static final List<String> FIELDS = List.of("name", "job", "cron", "timezone", "parameters", "misfire",
            "catch-up-limit", "enabled");
    private static final String SHAPE = "a schedule (a mapping of " + String.join(", ", FIELDS)
            + ") or a list of them";
    /** Names go into Quartz's keys (200 characters), URLs and command lines: nothing that needs quoting there. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String file;
    private final Defaults defaults;
    private final List<FileProblem> problems = new ArrayList<>();
    private final FileNodes nodes;
    private final List<ScheduleDefinition> schedules = new ArrayList<>();
    private final List<NameAt> names = new ArrayList<>();

    private ScheduleFileReader(String file, String text, Defaults defaults) {
        this.file = file;
        this.defaults = defaults;
        this.nodes = new FileNodes(text, problems);
    }

    /**
     * What a schedule file gets when it does not say, and what it is checked against.
     *
     * @param zone         the chain's zone ({@code nightshift.zone})
     * @param catchUpLimit {@code nightshift.schedules.default-catch-up-limit}
     * @param jobs         the jobs there are, by name
     * @param now          the instant a cron must still fire after
     */
    record Defaults(ZoneId zone, int catchUpLimit, Map<String, JobDescription> jobs, Instant now) {
    }

    /** Where a schedule's name is written, for the folder's check that names are unique. */
    record NameAt(String name, int line) {
    }

    /** The schedules without a problem, every name given, and every problem. */
    record Contents(List<ScheduleDefinition> schedules, List<NameAt> names, List<FileProblem> problems) {

        Contents {
            schedules = List.copyOf(schedules);
            names = List.copyOf(names);
            problems = List.copyOf(problems);
        }
    }

    /** @param file the file as messages name it, kept in each definition */
    static Contents read(String file, String text, Defaults defaults) {
        ScheduleFileReader reader = new ScheduleFileReader(file, text, defaults);
        reader.readDocument();
        return new Contents(reader.schedules, reader.names, reader.problems);
    }

    private void readDocument() {
        Node root = nodes.compose("the file is empty: it needs " + SHAPE + " (delete the file to remove its "
                + "schedules)");
        if (root instanceof MappingNode schedule) {
            readSchedule(schedule, 1);
        } else if (root instanceof SequenceNode list) {
            if (list.getValue().isEmpty()) {
                nodes.problem(list, "the list is empty: it needs at least one schedule");
            }
            int index = 0;
            for (Node item : list.getValue()) {
                index++;
                if (item instanceof MappingNode schedule) {
                    readSchedule(schedule, index);
                } else {
                    nodes.problem(item, "schedule #" + index + " must be a mapping of " + String.join(", ", FIELDS)
                            + ", not '" + nodes.source(item) + "'");
                }
            }
        } else if (root != null) {
            nodes.problem(root, "the file must hold " + SHAPE + ", not '" + nodes.source(root) + "'");
        }
    }

    private void readSchedule(MappingNode mapping, int index) {
        Fields fields = new Fields(mapping, index);
        int problemsBefore = problems.size();
        String name = fields.name();
        boolean enabled = fields.enabled();
        String job = fields.text("job");
        JobDescription description = job == null ? null : defaults.jobs().get(job);
        if (job == null && fields.wellFormed("job")) {
            fields.problem(null, "job", "missing: the job it starts (" + knownJobs() + ")");
        } else if (description == null && job != null && enabled) {
            fields.problem(fields.node("job"), "job", "unknown job '" + job + "' (" + knownJobs()
                    + "; only a disabled schedule may name a job this version does not have)");
        }
        ZoneId zone = fields.zone(defaults.zone());
        String cron = fields.cron(zone, defaults.now());
        Misfire misfire = fields.misfire();
        int catchUpLimit = fields.catchUpLimit(defaults.catchUpLimit());
        Map<String, String> parameters = new ScheduleParameters(fields, description)
                .read(fields.node("parameters"), defaults.now().atZone(zone).toLocalDate());
        if (problems.size() == problemsBefore) {
            schedules.add(new ScheduleDefinition(name, job, cron, zone, parameters, misfire, catchUpLimit, enabled,
                    file));
        }
    }

    private String knownJobs() {
        return defaults.jobs().isEmpty() ? "no jobs known"
                : "known: " + String.join(", ", defaults.jobs().keySet().stream().sorted().toList());
    }

    /** One schedule's fields by name, each problem prefixed with the schedule and the field it is about. */
    final class Fields {

        private final Map<String, Node> values = new LinkedHashMap<>();
        private final MappingNode mapping;
        private final String schedule;

        private Fields(MappingNode mapping, int index) {
            this.mapping = mapping;
            this.schedule = nameOf(mapping).map(name -> "schedule '" + name + "'").orElse("schedule #" + index);
            for (NodeTuple tuple : mapping.getValue()) {
                String key = FileNodes.text(tuple.getKeyNode());
                if (key == null || !FIELDS.contains(key)) {
                    problem(tuple.getKeyNode(), nodes.source(tuple.getKeyNode()), "unknown field (known: "
                            + String.join(", ", FIELDS) + ")");
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
            names.add(new NameAt(name, line(node("name"))));
            return name;
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
                    problem(null, "cron", "missing: when it fires, as a "
                            + "Quartz cron expression such as '0 0 7 * * ?'");
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
}
