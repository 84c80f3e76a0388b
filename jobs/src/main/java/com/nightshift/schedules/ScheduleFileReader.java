package com.nightshift.schedules;

import static com.nightshift.yaml.FileNodes.line;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.nightshift.job.JobDescription;
import com.nightshift.yaml.FileNodes;
import com.nightshift.yaml.FileProblem;

/**
 * Reads the text of one schedule file, a single schedule (a mapping) or a list of them, into the schedules it
 * defines and everything wrong with them that the file and the jobs tell; names repeated across files are the
 * folder's question. The YAML is composed to nodes, not constructed to objects, because only nodes know their line.
 */
final class ScheduleFileReader {

    private static final String FIELDS = String.join(", ", ScheduleFields.NAMES);
    private static final String SHAPE = "a schedule (a mapping of " + FIELDS + ") or a list of them";

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
                    nodes.problem(item, "schedule #" + index + " must be a mapping of " + FIELDS
                            + ", not '" + nodes.source(item) + "'");
                }
            }
        } else if (root != null) {
            nodes.problem(root, "the file must hold " + SHAPE + ", not '" + nodes.source(root) + "'");
        }
    }

    private void readSchedule(MappingNode mapping, int index) {
        int problemsBefore = problems.size();
        ScheduleFields fields = new ScheduleFields(nodes, mapping, index);
        String name = fields.name();
        if (name != null) {
            names.add(new NameAt(name, line(fields.node("name"))));
        }
        boolean enabled = fields.enabled();
        String job = fields.job(defaults.jobs().keySet(), enabled);
        ZoneId zone = fields.zone(defaults.zone());
        String cron = fields.cron(zone, defaults.now());
        Misfire misfire = fields.misfire();
        int catchUpLimit = fields.catchUpLimit(defaults.catchUpLimit());
        Map<String, String> parameters = new ScheduleParameters(fields, job == null ? null : defaults.jobs().get(job))
                .read(fields.node("parameters"), defaults.now().atZone(zone).toLocalDate());
        if (problems.size() == problemsBefore) {
            schedules.add(new ScheduleDefinition(name, job, cron, zone, parameters, misfire, catchUpLimit, enabled,
                    file));
        }
    }
}
