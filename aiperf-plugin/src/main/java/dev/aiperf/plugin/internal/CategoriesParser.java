package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.CategoryMetadata;
import dev.aiperf.plugin.ManifestException;
import dev.aiperf.plugin.ManifestProblem;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code categories.yaml}: an optional {@code schema_version}, then
 * {@code name: {protocol, metadata_class, enum, description, internal}} per category ({@code enum}
 * names the enum {@code createEnum} builds over the category's type names, as in the original).
 */
public final class CategoriesParser {
    private static final List<String> KEYS = List.of("protocol", "metadata_class", "enum", "description", "internal");
    private static final Pattern ENUM_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern CATEGORY_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private CategoriesParser() {
    }

    /**
     * Every category in the file.
     *
     * @throws ManifestException listing every problem when the file is not valid
     */
    public static List<CategoryMetadata> parse(String text, Problems problems) {
        Optional<Node> root = YamlDocument.parse(text, problems.file());
        if (root.isEmpty()) {
            problems.warning(ManifestProblem.Kind.EMPTY, dev.aiperf.plugin.ManifestLocation.ofFile(problems.file()),
                    "empty categories file; no category declared");
            return List.of();
        }
        if (!(root.get() instanceof MappingNode top)) {
            problems.error(ManifestProblem.Kind.SCHEMA, root.get(), null, null,
                    "a categories file must map category names to declarations, found "
                            + YamlDocument.typeName(root.get()));
            problems.throwIfErrors();
            return List.of();
        }
        YamlDocument.checkDuplicateKeys(top, problems, 1);
        List<CategoryMetadata> categories = new ArrayList<>();
        for (NodeTuple tuple : top.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if ("schema_version".equals(key)) {
                continue;
            }
            if (key == null || !CATEGORY_NAME.matcher(Names.normalize(key)).matches()) {
                problems.error(ManifestProblem.Kind.SCHEMA, tuple.getKeyNode(), key, null,
                        "invalid category name " + (key == null ? YamlDocument.typeName(tuple.getKeyNode())
                                : "'" + key + "'") + ": use lower-case letters, digits and '_'");
                continue;
            }
            readCategory(Names.normalize(key), tuple.getKeyNode(), tuple.getValueNode(), problems)
                    .ifPresent(categories::add);
        }
        problems.throwIfErrors();
        return List.copyOf(categories);
    }

    private static Optional<CategoryMetadata> readCategory(String name, Node keyNode, Node node, Problems problems) {
        String what = "category '" + name + "'";
        MappingReader reader = MappingReader.read(node, KEYS, problems, what, name, null);
        if (reader == null) {
            return Optional.empty();
        }
        String protocol = reader.require("protocol", node) ? className(reader, "protocol", problems, name) : null;
        String metadataClass = className(reader, "metadata_class", problems, name);
        String enumName = enumName(reader, problems, name);
        String description = reader.text("description", false);
        boolean internal = reader.bool("internal", false);
        if (protocol == null) {
            return Optional.empty();
        }
        return Optional.of(new CategoryMetadata(name, protocol, metadataClass, enumName,
                description == null ? "" : description, internal, problems.at(keyNode)));
    }

    private static String enumName(MappingReader reader, Problems problems, String category) {
        String text = reader.text("enum", false);
        if (text == null) {
            return null;
        }
        if (!ENUM_NAME.matcher(text).matches()) {
            problems.error(ManifestProblem.Kind.SCHEMA, reader.node("enum"), category, null, "enum '" + text
                    + "' of category '" + category + "' is not a name (expected e.g. EndpointType)");
            return null;
        }
        return text;
    }

    private static String className(MappingReader reader, String key, Problems problems, String category) {
        String text = reader.text(key, false);
        if (text == null) {
            return null;
        }
        String binary = Names.binaryClassName(text);
        if (!Names.isValidClassName(binary)) {
            problems.error(ManifestProblem.Kind.SCHEMA, reader.node(key), category, null, key + " '" + text
                    + "' of category '" + category + "' is not a class name (expected a.b.ClassName)");
            return null;
        }
        return binary;
    }
}
