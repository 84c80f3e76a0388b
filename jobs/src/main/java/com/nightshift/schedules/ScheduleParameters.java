package com.nightshift.schedules;

import static com.nightshift.yaml.FileNodes.isNull;
import static com.nightshift.yaml.FileNodes.text;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import com.nightshift.job.InvalidJobParameterException;
import com.nightshift.job.JobDescription;

/**
 * A schedule's {@code parameters}: each name with its value as written (date expressions unresolved), checked as
 * a fire would use them: the expressions resolved for a sample business date, then the job's own check of names
 * and forms. Checks that depend on the day or the settings (ranges, reports of the catalog) stay the job's, at
 * fire time.
 */
final class ScheduleParameters {

    private static final String FIELD = "parameters";

    private final ScheduleFields fields;
    private final JobDescription job;

    /** @param job the schedule's job; null when it is unknown, and only the expressions can be checked */
    ScheduleParameters(ScheduleFields fields, JobDescription job) {
        this.fields = fields;
        this.job = job;
    }

    /** @param sampleDate the business date the expressions are resolved for, to check the values they give */
    Map<String, String> read(Node node, LocalDate sampleDate) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (node == null || isNull(node)) {
            return parameters;
        }
        if (!(node instanceof MappingNode mapping)) {
            fields.problem(node, FIELD, "must map each parameter's name to its value, such as {mode: full}, not '"
                    + fields.source(node) + "'");
            return parameters;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = text(tuple.getKeyNode());
            Node valueNode = tuple.getValueNode();
            if (name == null) {
                fields.problem(tuple.getKeyNode(), FIELD, "a parameter without a name");
            } else if (parameters.containsKey(name)) {
                fields.problem(tuple.getKeyNode(), FIELD, "parameter '" + name + "' given twice");
            } else if (isNull(valueNode)) {
                fields.problem(valueNode, FIELD, "parameter '" + name + "' has no value");
            } else if (valueNode instanceof ScalarNode scalar) {
                parameters.put(name, scalar.getValue());
                check(name, scalar, tuple.getKeyNode(), sampleDate);
            } else {
                fields.problem(valueNode, FIELD, "parameter '" + name + "' must be a piece of text, not '"
                        + fields.source(valueNode) + "'");
            }
        }
        return parameters;
    }

    private void check(String name, ScalarNode valueNode, Node nameNode, LocalDate sampleDate) {
        String value = valueNode.getValue();
        String resolved;
        try {
            resolved = DateExpressions.resolve(value, sampleDate);
        } catch (IllegalArgumentException e) {
            fields.problem(valueNode, FIELD, "parameter '" + name + "': " + e.getMessage());
            return;
        }
        if (job == null) {
            return;
        }
        try {
            job.check(Map.of(name, resolved));
        } catch (InvalidJobParameterException e) {
            if (job.parameter(name).isEmpty()) {
                fields.problem(nameNode, FIELD, e.getMessage());
            } else {
                String written = resolved.equals(value) ? ""
                        : " (written '" + value + "', resolved for a fire on " + sampleDate + ")";
                fields.problem(valueNode, FIELD, e.getMessage() + written);
            }
        }
    }
}
