package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.ManifestException;
import dev.aiperf.plugin.ManifestLocation;
import dev.aiperf.plugin.ManifestProblem;
import dev.aiperf.plugin.Severity;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses YAML 1.2 (core schema) into a node tree that keeps line and column of every node, and
 * turns parser failures into a one-line {@link ManifestException} instead of the parser's trace.
 */
public final class YamlDocument {

    private YamlDocument() {
    }

    private static LoadSettings settings(String file) {
        return LoadSettings.builder().setLabel(file).setSchema(new CoreSchema()).setAllowDuplicateKeys(false)
                .setUseMarks(true).setMaxAliasesForCollections(50).build();
    }

    /**
     * The document's root node, or empty when the file holds no document (empty or only comments).
     *
     * @throws ManifestException on a syntax error, with file, line and column
     */
    public static Optional<Node> parse(String text, String file) {
        LoadSettings settings = settings(file);
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            return root.filter(node -> !(node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())));
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(file, e);
        } catch (YamlEngineException e) {
            throw new ManifestException(new ManifestProblem(Severity.ERROR, ManifestProblem.Kind.SYNTAX,
                    ManifestLocation.ofFile(file), null, null, "invalid YAML: " + e.getMessage()), e);
        }
    }

    private static ManifestException syntaxError(String file, MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        ManifestLocation location = mark.map(m -> new ManifestLocation(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(ManifestLocation.ofFile(file));
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return new ManifestException(new ManifestProblem(Severity.ERROR, ManifestProblem.Kind.SYNTAX, location,
                null, null, "invalid YAML: " + problem + context), e);
    }

    /**
     * Reports every mapping key that appears twice anywhere below {@code node}; keys in the first
     * {@code normalizedLevels} levels are compared after name normalisation ({@code my-type} equals
     * {@code my_type}). Returns true when none was found.
     */
    public static boolean checkDuplicateKeys(Node node, Problems problems, int normalizedLevels) {
        boolean clean = true;
        if (node instanceof MappingNode mapping) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String text = normalizedLevels > 0 ? Names.normalize(key.getValue()) : key.getValue();
                    Node previous = seen.putIfAbsent(text, key);
                    if (previous != null) {
                        problems.error(ManifestProblem.Kind.SCHEMA, key, null, null, "duplicate key '"
                                + key.getValue() + "' (first defined at line " + problems.at(previous).line() + ")");
                        clean = false;
                    }
                }
                clean &= checkDuplicateKeys(tuple.getValueNode(), problems, normalizedLevels - 1);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                clean &= checkDuplicateKeys(item, problems, 0);
            }
        }
        return clean;
    }

    /** Converts a node (already checked for duplicate keys) to plain Java values per the YAML 1.2 core schema. */
    public static Object toJava(Node node, String file) {
        return new StandardConstructor(settings(file)).constructSingleDocument(Optional.of(node));
    }

    /** True for a scalar with the given core-schema tag. */
    public static boolean isScalar(Node node, Tag tag) {
        return node instanceof ScalarNode scalar && tag.equals(scalar.getTag());
    }

    /** True for an explicit or implicit null ({@code ~}, {@code null}, nothing). */
    public static boolean isNull(Node node) {
        return isScalar(node, Tag.NULL);
    }

    /** A short name for a node's type, for "expected X, found Y" messages. */
    public static String typeName(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (Tag.INT.equals(tag)) {
            return "an integer";
        }
        if (Tag.FLOAT.equals(tag)) {
            return "a number";
        }
        if (Tag.BOOL.equals(tag)) {
            return "a boolean";
        }
        if (Tag.NULL.equals(tag)) {
            return "nothing (null)";
        }
        return "a string";
    }
}
