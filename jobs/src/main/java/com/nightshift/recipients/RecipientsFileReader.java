package com.nightshift.recipients;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Reads the text of a recipients file into a directory (every id still 0) and everything wrong with it that the
 * file alone shows; whether its stores exist is the registry's question. The YAML is composed to nodes, not
 * constructed to objects, because only nodes know their line.
 */
final class RecipientsFileReader {

    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final List<String> FILE_KEYS = List.of("regions", "recipients");
    private static final List<String> RECIPIENT_KEYS = List.of("email", "name", "language", "stores", "regions",
            "chain");

    private final String[] lines;
    private final List<FileProblem> problems = new ArrayList<>();
    private final List<StoreMention> storeMentions = new ArrayList<>();
    private final Map<String, List<String>> regions = new LinkedHashMap<>();
    private final List<Recipient> recipients = new ArrayList<>();
    private final Map<String, Integer> addresses = new HashMap<>();

    private RecipientsFileReader(String text) {
        this.lines = text.split("\r?\n", -1);
    }

    static Contents read(String text) {
        RecipientsFileReader reader = new RecipientsFileReader(text);
        reader.readDocument(text);
        return new Contents(new RecipientDirectory(reader.regions, reader.recipients), reader.storeMentions,
                reader.problems);
    }

    /** What the file says, where it names each store, and what is wrong with it. */
    record Contents(RecipientDirectory directory, List<StoreMention> storeMentions, List<FileProblem> problems) {

        Contents {
            storeMentions = List.copyOf(storeMentions);
            problems = List.copyOf(problems);
        }
    }

    record StoreMention(String store, int line) {
    }

    private void readDocument(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String source = line > 0 && line <= lines.length ? ": " + lines[line - 1].strip() : "";
            problems.add(new FileProblem(line, "not valid YAML (" + e.getProblem() + ")" + source));
            return;
        } catch (YAMLException e) {
            problems.add(new FileProblem(0, "not valid YAML (" + e.getMessage() + ")"));
            return;
        }
        if (root == null || isNull(root)) {
            problems.add(new FileProblem(0, "the file is empty: it needs a 'recipients' list"));
            return;
        }
        if (!(root instanceof MappingNode file)) {
            problem(root, "the file must be a mapping with 'regions' and 'recipients'");
            return;
        }
        Map<String, Node> keys = keys(file, FILE_KEYS);
        if (keys.containsKey("regions")) {
            readRegions(keys.get("regions"));
        }
        Node people = keys.get("recipients");
        if (people == null || isNull(people)) {
            problem(file, "no 'recipients' list");
        } else {
            readRecipients(people);
        }
    }

    private void readRegions(Node node) {
        if (isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "'regions' must map each region's name to the list of its stores");
            return;
        }
        Map<String, String> regionOfStore = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String region = text(tuple.getKeyNode());
            if (region == null) {
                problem(tuple.getKeyNode(), "a region without a name");
                continue;
            }
            if (regions.containsKey(region)) {
                problem(tuple.getKeyNode(), "region '" + region + "' declared twice");
                continue;
            }
            int problemsBefore = problems.size();
            List<String> stores = new ArrayList<>();
            regions.put(region, stores);
            for (ScalarNode storeNode : names(tuple.getValueNode(), "the stores of region '" + region + "'")) {
                String store = storeNode.getValue();
                String earlier = regionOfStore.putIfAbsent(store, region);
                if (earlier == null) {
                    stores.add(store);
                    storeMentions.add(new StoreMention(store, line(storeNode)));
                } else if (earlier.equals(region)) {
                    problem(storeNode, "store '" + store + "' listed twice in region '" + region + "'");
                } else {
                    problem(storeNode, "store '" + store + "' is in two regions, '" + earlier + "' and '" + region
                            + "'");
                }
            }
            if (stores.isEmpty() && problems.size() == problemsBefore) {
                problem(tuple.getKeyNode(), "region '" + region + "' has no stores");
            }
        }
    }

    private void readRecipients(Node node) {
        if (!(node instanceof SequenceNode list)) {
            problem(node, "'recipients' must be a list of people");
            return;
        }
        if (list.getValue().isEmpty()) {
            problem(node, "'recipients' is empty: nobody would receive anything");
        }
        for (Node item : list.getValue()) {
            if (item instanceof MappingNode person) {
                readRecipient(person);
            } else {
                problem(item, "a recipient must be a mapping of email, name, language and what they receive, not '"
                        + source(item) + "'");
            }
        }
    }

    private void readRecipient(MappingNode person) {
        int problemsBefore = problems.size();
        Map<String, Node> fields = keys(person, RECIPIENT_KEYS);
        String email = scalar(fields.get("email"), "email");
        String name = scalar(fields.get("name"), "name");
        boolean given = problems.size() == problemsBefore;
        if (email == null && given) {
            problem(person, "a recipient without an email" + (name == null ? "" : " (name '" + name + "')"));
        } else if (name == null && given) {
            problem(person, "recipient '" + email + "' without a name");
        }
        if (email != null) {
            email = address(fields.get("email"), email);
        }
        String language = language(fields.get("language"));
        List<String> stores = stores(fields.get("stores"));
        List<String> theirRegions = regions(fields.get("regions"));
        boolean chain = chain(fields.get("chain"));
        if (problems.size() > problemsBefore) {
            return;
        }
        if (stores.isEmpty() && theirRegions.isEmpty() && !chain) {
            problem(person, "recipient '" + email + "' receives nothing: give stores, regions or chain: true");
            return;
        }
        recipients.add(new Recipient(0, email, name, Locale.forLanguageTag(language), stores, theirRegions, chain));
    }

    private String address(Node node, String value) {
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            if (parsed.getPersonal() != null || !value.equals(parsed.getAddress())) {
                throw new AddressException("only the address itself, without a name or brackets");
            }
        } catch (AddressException e) {
            problem(node, "malformed address '" + value + "' (" + e.getMessage() + ")");
            return null;
        }
        Integer first = addresses.putIfAbsent(value.toLowerCase(Locale.ROOT), line(node));
        if (first != null) {
            problem(node, "duplicate address '" + value + "' (first at line " + first + ")");
            return null;
        }
        return value;
    }

    private String language(Node node) {
        if (node == null || isNull(node)) {
            return LANGUAGES.get(0);
        }
        String language = scalar(node, "language");
        if (language != null && !LANGUAGES.contains(language)) {
            problem(node, "unknown language '" + language + "' (known: " + String.join(", ", LANGUAGES) + ")");
        }
        return language;
    }

    private List<String> stores(Node node) {
        Set<String> stores = new LinkedHashSet<>();
        for (ScalarNode store : names(node, "'stores'")) {
            if (stores.add(store.getValue())) {
                storeMentions.add(new StoreMention(store.getValue(), line(store)));
            }
        }
        return List.copyOf(stores);
    }

    private List<String> regions(Node node) {
        Set<String> theirs = new LinkedHashSet<>();
        for (ScalarNode region : names(node, "'regions'")) {
            if (regions.containsKey(region.getValue())) {
                theirs.add(region.getValue());
            } else {
                problem(region, "unknown region '" + region.getValue() + "' (not declared under 'regions')");
            }
        }
        return List.copyOf(theirs);
    }

    private boolean chain(Node node) {
        if (node == null || isNull(node)) {
            return false;
        }
        String value = node instanceof ScalarNode scalar ? scalar.getValue() : source(node);
        if (node.getTag().equals(Tag.BOOL) && (value.equals("true") || value.equals("false"))) {
            return value.equals("true");
        }
        problem(node, "'chain' must be true or false, not '" + value + "'");
        return false;
    }

    /** The key nodes of a mapping by name; an unknown or repeated key is a problem (a typo must not pass). */
    private Map<String, Node> keys(MappingNode mapping, List<String> known) {
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
    private List<ScalarNode> names(Node node, String what) {
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
    private String scalar(Node node, String field) {
        if (node == null || isNull(node)) {
            return null;
        }
        String text = text(node);
        if (!(node instanceof ScalarNode)) {
            problem(node, "'" + field + "' must be a piece of text, not '" + source(node) + "'");
        }
        return text;
    }

    private static String text(Node node) {
        return node instanceof ScalarNode scalar && !isNull(node) && !scalar.getValue().isBlank()
                ? scalar.getValue() : null;
    }

    private static boolean isNull(Node node) {
        return node.getTag().equals(Tag.NULL);
    }

    /** The file's text of a node's first line, for a problem's value. */
    private String source(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        Mark start = node.getStartMark();
        Mark end = node.getEndMark();
        String line = lines[start.getLine()];
        int to = end.getLine() == start.getLine() ? Math.min(end.getColumn(), line.length()) : line.length();
        return line.substring(Math.min(start.getColumn(), to), to).strip();
    }

    private void problem(Node node, String text) {
        problems.add(new FileProblem(line(node), text));
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
