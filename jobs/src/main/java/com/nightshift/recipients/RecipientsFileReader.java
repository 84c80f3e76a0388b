package com.nightshift.recipients;

import static com.nightshift.yaml.FileNodes.isNull;
import static com.nightshift.yaml.FileNodes.line;
import static com.nightshift.yaml.FileNodes.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.nightshift.yaml.FileNodes;
import com.nightshift.yaml.FileProblem;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Reads the text of a recipients file into a directory (every id still 0) and everything wrong with it that the
 * file alone shows; whether its stores exist is the registry's question. The YAML is composed to nodes, not
 * constructed to objects, because only nodes know their line.
 */
final class RecipientsFileReader {

    private static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final List<String> FILE_KEYS = List.of("regions", "recipients");
    private static final List<String> RECIPIENT_KEYS = List.of("email", "name", "language", "stores", "regions",
            "chain");

    private final List<FileProblem> problems = new ArrayList<>();
    private final FileNodes nodes;
    private final List<StoreMention> storeMentions = new ArrayList<>();
    private final Map<String, List<String>> regions = new LinkedHashMap<>();
    private final List<Recipient> recipients = new ArrayList<>();
    private final Map<String, Integer> addresses = new HashMap<>();

    private RecipientsFileReader(String text) {
        this.nodes = new FileNodes(text, problems);
    }

    static Contents read(String text) {
        RecipientsFileReader reader = new RecipientsFileReader(text);
        reader.readDocument();
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

    private void readDocument() {
        Node root = nodes.compose("the file is empty: it needs a 'recipients' list");
        if (root == null) {
            return;
        }
        if (!(root instanceof MappingNode file)) {
            problem(root, "the file must be a mapping with 'regions' and 'recipients'");
            return;
        }
        Map<String, Node> keys = nodes.keys(file, FILE_KEYS);
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
            for (ScalarNode storeNode : nodes.names(tuple.getValueNode(), "the stores of region '" + region + "'")) {
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
                        + nodes.source(item) + "'");
            }
        }
    }

    private void readRecipient(MappingNode person) {
        int problemsBefore = problems.size();
        Map<String, Node> fields = nodes.keys(person, RECIPIENT_KEYS);
        String email = nodes.scalar(fields.get("email"), "email");
        String name = nodes.scalar(fields.get("name"), "name");
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
        String language = nodes.scalar(node, "language");
        if (language != null && !LANGUAGES.contains(language)) {
            problem(node, "unknown language '" + language + "' (known: " + String.join(", ", LANGUAGES) + ")");
        }
        return language;
    }

    private List<String> stores(Node node) {
        Set<String> stores = new LinkedHashSet<>();
        for (ScalarNode store : nodes.names(node, "'stores'")) {
            if (stores.add(store.getValue())) {
                storeMentions.add(new StoreMention(store.getValue(), line(store)));
            }
        }
        return List.copyOf(stores);
    }

    private List<String> regions(Node node) {
        Set<String> theirs = new LinkedHashSet<>();
        for (ScalarNode region : nodes.names(node, "'regions'")) {
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
        String value = node instanceof ScalarNode scalar ? scalar.getValue() : nodes.source(node);
        if (node.getTag().equals(Tag.BOOL) && (value.equals("true") || value.equals("false"))) {
            return value.equals("true");
        }
        problem(node, "'chain' must be true or false, not '" + value + "'");
        return false;
    }

    private void problem(Node node, String text) {
        nodes.problem(node, text);
    }
}
