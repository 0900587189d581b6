package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.ManifestException;
import dev.aiperf.plugin.ManifestLocation;
import dev.aiperf.plugin.ManifestProblem;
import dev.aiperf.plugin.PackageMetadata;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code plugins.yaml}: {@code schema_version}, the optional {@code plugin:} section, then
 * {@code category: name: {class, description, priority, metadata}}. Every structural problem is
 * reported with line and column; the structure matches {@code plugins.schema.json}.
 */
public final class ManifestParser {
    /** Schema versions this registry understands; others load with a warning. */
    public static final List<String> SUPPORTED_VERSIONS = List.of("1.0");

    private static final List<String> PLUGIN_KEYS = List.of("name", "version", "description", "author", "license");
    private static final List<String> ENTRY_KEYS = List.of("class", "description", "priority", "metadata");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private ManifestParser() {
    }

    /** Parses and throws a {@link ManifestException} listing every error; warnings go to {@code problems}. */
    public static ParsedManifest parseStrict(String text, Problems problems) {
        ParsedManifest manifest = parse(text, problems);
        problems.throwIfErrors();
        return manifest;
    }

    /** Parses as much as possible, reporting every problem (syntax errors included) to {@code problems}. */
    public static ParsedManifest parse(String text, Problems problems) {
        Optional<Node> root;
        try {
            root = YamlDocument.parse(text, problems.file());
        } catch (ManifestException e) {
            e.problems().forEach(p -> problems.add(p.severity(), p.kind(), p.location(), null, null, p.message()));
            return ParsedManifest.EMPTY;
        }
        if (root.isEmpty()) {
            problems.warning(ManifestProblem.Kind.EMPTY, ManifestLocation.ofFile(problems.file()),
                    "empty manifest; nothing registered");
            return ParsedManifest.EMPTY;
        }
        Node node = root.get();
        if (!(node instanceof MappingNode top)) {
            problems.error(ManifestProblem.Kind.SCHEMA, node, null, null,
                    "a plugins manifest must be a mapping (schema_version, plugin, then categories), found "
                            + YamlDocument.typeName(node));
            return ParsedManifest.EMPTY;
        }
        if (top.getValue().isEmpty()) {
            problems.warning(ManifestProblem.Kind.EMPTY, problems.at(top), "empty manifest; nothing registered");
            return ParsedManifest.EMPTY;
        }
        YamlDocument.checkDuplicateKeys(top, problems, 2);
        return readTop(top, problems);
    }

    private static ParsedManifest readTop(MappingNode top, Problems problems) {
        PackageMetadata pkg = null;
        boolean sawVersion = false;
        List<ParsedEntry> entries = new ArrayList<>();
        Map<String, ManifestLocation> sections = new LinkedHashMap<>();
        for (NodeTuple tuple : top.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.error(ManifestProblem.Kind.SCHEMA, tuple.getKeyNode(), null, null,
                        "top-level keys must be strings, found " + YamlDocument.typeName(tuple.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            switch (key) {
                case "schema_version" -> {
                    sawVersion = true;
                    readVersion(tuple.getValueNode(), problems);
                }
                case "plugin" -> {
                    pkg = readPlugin(tuple.getValueNode(), problems);
                }
                default -> {
                    String category = Names.normalize(key);
                    sections.put(category, problems.at(keyNode));
                    readSection(category, tuple.getValueNode(), problems, entries);
                }
            }
        }
        if (!sawVersion) {
            problems.warning(ManifestProblem.Kind.SCHEMA_VERSION, problems.at(top),
                    "no schema_version; assuming \"" + SUPPORTED_VERSIONS.getLast() + "\"");
        }
        // No 'plugin:' section is fine: the registry names the package (see PackageMetadata.unnamed).
        return new ParsedManifest(pkg, List.copyOf(entries), Map.copyOf(sections));
    }

    private static void readVersion(Node node, Problems problems) {
        boolean scalar = node instanceof ScalarNode && !YamlDocument.isNull(node)
                && !YamlDocument.isScalar(node, org.snakeyaml.engine.v2.nodes.Tag.BOOL);
        if (!scalar) {
            problems.error(ManifestProblem.Kind.SCHEMA, node, null, null,
                    "schema_version must be a string such as \"1.0\", found " + YamlDocument.typeName(node));
            return;
        }
        String version = ((ScalarNode) node).getValue();
        if (!SUPPORTED_VERSIONS.contains(version)) {
            problems.warning(ManifestProblem.Kind.SCHEMA_VERSION, problems.at(node), "unknown schema_version \""
                    + version + "\" (this registry knows " + String.join(", ", SUPPORTED_VERSIONS)
                    + "); loading it anyway");
        }
    }

    private static PackageMetadata readPlugin(Node node, Problems problems) {
        MappingReader reader = MappingReader.read(node, PLUGIN_KEYS, problems, "the plugin section", null, null);
        if (reader == null || !reader.require("name", node)) {
            return null;
        }
        String name = reader.text("name", false);
        if (name != null && name.isBlank()) {
            problems.error(ManifestProblem.Kind.SCHEMA, reader.node("name"), null, null, "plugin name is empty");
            name = null;
        }
        String version = orEmpty(reader.text("version", true));
        String description = orEmpty(reader.text("description", false));
        String author = orEmpty(reader.text("author", false));
        String license = orEmpty(reader.text("license", false));
        return name == null ? null
                : new PackageMetadata(name.strip(), version, description, author, license, problems.file());
    }

    private static void readSection(String category, Node node, Problems problems, List<ParsedEntry> entries) {
        if (YamlDocument.isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode section)) {
            problems.error(ManifestProblem.Kind.SCHEMA, node, category, null, "category section '" + category
                    + "' must map type names to entries, found " + YamlDocument.typeName(node));
            return;
        }
        for (NodeTuple tuple : section.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String rawName = keyNode instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (rawName == null || !TYPE_NAME.matcher(rawName).matches()) {
                problems.error(ManifestProblem.Kind.SCHEMA, keyNode, category, rawName, "invalid type name "
                        + (rawName == null ? YamlDocument.typeName(keyNode) : "'" + rawName + "'") + " in '"
                        + category + "': use letters, digits, '_' and '-'");
                continue;
            }
            readEntry(category, Names.normalize(rawName), keyNode, tuple.getValueNode(), problems)
                    .ifPresent(entries::add);
        }
    }

    private static Optional<ParsedEntry> readEntry(String category, String name, Node keyNode, Node node,
                                                   Problems problems) {
        String what = category + " entry '" + name + "'";
        int errorsBefore = problems.errors().size();
        MappingReader reader = MappingReader.read(node, ENTRY_KEYS, problems, what, category, name);
        if (reader == null) {
            return Optional.empty();
        }
        // Every key is checked even when 'class' is missing, so one run reports every problem.
        String classPath = reader.require("class", node) ? reader.text("class", false) : null;
        if (classPath != null && !Names.isValidClassName(Names.binaryClassName(classPath))) {
            problems.error(ManifestProblem.Kind.SCHEMA, reader.node("class"), category, name, "class '" + classPath
                    + "' in " + what + " is not a class name (expected a.b.ClassName or a.b:ClassName)");
        }
        int priority = reader.integer("priority", 0);
        String description = orEmpty(reader.text("description", false));
        Map<String, Object> metadata = readMetadata(reader, what, problems, category, name);
        if (classPath == null || problems.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ParsedEntry(category, name, Names.binaryClassName(classPath), priority, description,
                metadata, problems.at(keyNode)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMetadata(MappingReader reader, String what, Problems problems,
                                                    String category, String name) {
        Node node = reader.node("metadata");
        if (node == null || YamlDocument.isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode)) {
            reader.wrongType("metadata", node, "a mapping");
            return Map.of();
        }
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            if (!YamlDocument.isScalar(tuple.getKeyNode(), org.snakeyaml.engine.v2.nodes.Tag.STR)) {
                problems.error(ManifestProblem.Kind.SCHEMA, tuple.getKeyNode(), category, name,
                        "metadata keys in " + what + " must be strings, found "
                                + YamlDocument.typeName(tuple.getKeyNode()));
                return Map.of();
            }
        }
        try {
            return (Map<String, Object>) YamlDocument.toJava(node, problems.file());
        } catch (YamlEngineException e) {
            // Duplicate keys are already reported with their position; anything else is reported here.
            if (problems.errors().isEmpty()) {
                problems.error(ManifestProblem.Kind.SCHEMA, node, category, name,
                        "metadata in " + what + " cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
            }
            return Map.of();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
