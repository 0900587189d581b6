package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.ManifestProblem;
import dev.aiperf.plugin.NameSuggestions;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML mapping with a fixed set of keys (an entry, the {@code plugin:} section, a category),
 * reporting unknown keys with a suggestion and wrongly typed values, all with line and column.
 */
final class MappingReader {
    private final Problems problems;
    private final String what;
    private final String category;
    private final String name;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    private MappingReader(Problems problems, String what, String category, String name) {
        this.problems = problems;
        this.what = what;
        this.category = category;
        this.name = name;
    }

    /**
     * Reads {@code node} as a mapping whose keys must be among {@code allowed}; null when the node is
     * not a mapping (the problem is then already reported).
     */
    static MappingReader read(Node node, List<String> allowed, Problems problems, String what, String category,
                              String name) {
        if (!(node instanceof MappingNode mapping)) {
            problems.error(ManifestProblem.Kind.SCHEMA, node, category, name,
                    what + " must be a mapping with keys " + String.join(", ", allowed) + ", found "
                            + YamlDocument.typeName(node));
            return null;
        }
        MappingReader reader = new MappingReader(problems, what, category, name);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                String shown = key == null ? YamlDocument.typeName(keyNode) : "'" + key + "'";
                String hint = key == null ? ""
                        : NameSuggestions.didYouMean(key, allowed, NameSuggestions.Phrasing.CLAUSE);
                problems.error(ManifestProblem.Kind.SCHEMA, keyNode, category, name, "unknown key " + shown + " in "
                        + what + hint
                        + " Valid keys: " + String.join(", ", allowed));
                continue;
            }
            reader.values.put(key, tuple.getValueNode());
            reader.keys.put(key, keyNode);
        }
        return reader;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Node node(String key) {
        return values.get(key);
    }

    /** A string value; numbers are accepted as their text (e.g. {@code version: 1.0}). Null if absent or wrong. */
    String text(String key, boolean allowNumber) {
        Node node = values.get(key);
        if (node == null || YamlDocument.isNull(node)) {
            return null;
        }
        boolean number = YamlDocument.isScalar(node, Tag.INT) || YamlDocument.isScalar(node, Tag.FLOAT);
        if (YamlDocument.isScalar(node, Tag.STR) || (allowNumber && number)) {
            return ((ScalarNode) node).getValue();
        }
        wrongType(key, node, "a string");
        return null;
    }

    /** An integer value, or {@code fallback} when absent or wrong. */
    int integer(String key, int fallback) {
        Node node = values.get(key);
        if (node == null) {
            return fallback;
        }
        if (YamlDocument.isScalar(node, Tag.INT)) {
            try {
                return Integer.decode(((ScalarNode) node).getValue().replace("0o", "0"));
            } catch (NumberFormatException e) {
                problems.error(ManifestProblem.Kind.SCHEMA, node, category, name,
                        key + " in " + what + " is out of range: " + ((ScalarNode) node).getValue());
                return fallback;
            }
        }
        wrongType(key, node, "an integer");
        return fallback;
    }

    /** A boolean value, or {@code fallback} when absent or wrong. */
    boolean bool(String key, boolean fallback) {
        Node node = values.get(key);
        if (node == null) {
            return fallback;
        }
        if (YamlDocument.isScalar(node, Tag.BOOL)) {
            return Boolean.parseBoolean(((ScalarNode) node).getValue().toLowerCase(java.util.Locale.ROOT));
        }
        wrongType(key, node, "true or false");
        return fallback;
    }

    /** Reports a required key that is missing; true when present. */
    boolean require(String key, Node owner) {
        if (values.containsKey(key)) {
            return true;
        }
        problems.error(ManifestProblem.Kind.SCHEMA, owner, category, name, what + " has no '" + key + "'");
        return false;
    }

    void wrongType(String key, Node node, String expected) {
        problems.error(ManifestProblem.Kind.SCHEMA, node, category, name,
                key + " in " + what + " must be " + expected + ", found " + YamlDocument.typeName(node));
    }
}
