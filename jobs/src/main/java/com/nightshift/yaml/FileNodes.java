package com.nightshift.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML text composed to nodes, which know their line (objects constructed from it would not), and the
 * problems found in it so far, each at its node's line and quoting the value as the file writes it. Shared by
 * the files operators write (recipients, schedules), so that they all report problems alike.
 */
public final class FileNodes {

    private final String text;
    private final String[] lines;
    private final List<FileProblem> problems;

    public FileNodes(String text, List<FileProblem> problems) {
        this.text = text;
        this.lines = text.split("\r?\n", -1);
        this.problems = problems;
    }

    /**
     * The document's root node; null, the problem noted, if the file is empty or not YAML.
     *
     * @param whenEmpty the problem of a file with nothing in it (or only comments): what it should hold
     */
    public Node compose(String whenEmpty) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null || isNull(root)) {
                problems.add(new FileProblem(0, whenEmpty));
                return null;
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String source = line > 0 && line <= lines.length ? ": " + lines[line - 1].strip() : "";
            problems.add(new FileProblem(line, "not valid YAML (" + e.getProblem() + ")" + source));
        } catch (YAMLException e) {
            problems.add(new FileProblem(0, "not valid YAML (" + e.getMessage() + ")"));
        }
        return null;
    }

    /** The value nodes of a mapping by key; an unknown or repeated key is a problem (a typo must not pass). */
    public Map<String, Node> keys(MappingNode mapping, List<String> known) {
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode());
            if (key == null || !known.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key '" + source(tuple.getKeyNode()) + "' (known: "
                        + String.join(", ", known) + ")");
            } else if (values.putIfAbsent(key, tuple.getValueNode()) != null) {
                problem(tuple.getKeyNode(), "key '" + key + "' given twice");
            }
        }
        return values;
    }

    /** A list of names; an absent or empty value is an empty list. */
    public List<ScalarNode> names(Node node, String what) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode list)) {
            problem(node, what + " must be a list of names like [a, b], not '" + source(node) + "'");
            return List.of();
        }
        List<ScalarNode> names = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (text(item) == null) {
                problem(item, "a name expected in " + what + ", not '" + source(item) + "'");
            } else {
                names.add((ScalarNode) item);
            }
        }
        return names;
    }

    /** A field's text; null when it is absent or blank, and (the problem noted) when it is not text. */
    public String scalar(Node node, String field) {
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode)) {
            problem(node, "'" + field + "' must be a piece of text, not '" + source(node) + "'");
        }
        return text(node);
    }

    /** A node as the file writes it (its first line, for a node over several). */
    public String source(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        Mark start = node.getStartMark();
        Mark end = node.getEndMark();
        String line = lines[start.getLine()];
        int to = end.getLine() == start.getLine() ? Math.min(end.getColumn(), line.length()) : line.length();
        return line.substring(Math.min(start.getColumn(), to), to).strip();
    }

    public void problem(Node node, String text) {
        problems.add(new FileProblem(line(node), text));
    }

    /** The text of a scalar that is neither null nor blank; null otherwise. */
    public static String text(Node node) {
        return node instanceof ScalarNode scalar && !isNull(node) && !scalar.getValue().isBlank()
                ? scalar.getValue() : null;
    }

    public static boolean isNull(Node node) {
        return node.getTag().equals(Tag.NULL);
    }

    /** 1-based, as editors count. */
    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
