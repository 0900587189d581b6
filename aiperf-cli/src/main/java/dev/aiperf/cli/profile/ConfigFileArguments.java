package dev.aiperf.cli.profile;

import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.plugin.NameSuggestions;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML config file turned into {@code profile} arguments. Keys are option names without the dashes
 * ({@code concurrency}, {@code request-rate} or {@code request_rate}, {@code m}), at the top level or
 * one level down in a section named like a help group ({@code endpoint:}, {@code load_generator:}, ...).
 * Values: a scalar; {@code true}/{@code false} for a flag; a list, given as repeated options for an
 * option that takes several values and as one comma list otherwise (a sweep such as
 * {@code concurrency: [1, 2, 4]}); a mapping for {@code key:value} options such as {@code extra-inputs}.
 * Options the command line already gives are skipped: the command line wins. Every mistake names
 * {@code file:line:column}.
 *
 * @param args      the arguments from the file, before the command line's
 * @param locations where each option's value stands in the file, by the option's longest name
 */
record ConfigFileArguments(List<String> args, Map<String, String> locations) {
    /** Section names a file may group options under (the help's groups and the original's). */
    static final Set<String> SECTIONS = Set.of("endpoint", "input", "prompt", "conversation", "load-generator",
            "loadgen", "load", "output", "tokenizer", "service", "ui", "service-ui", "slo-gates", "slo",
            "telemetry", "server-metrics", "multi-run", "sweep", "fixed-schedule", "goodput", "audio", "image",
            "video", "rankings", "synthesis", "config-file");

    static ConfigFileArguments read(Path file, CommandSpec spec, Set<OptionSpec> givenOnCommandLine) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("--config: " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new UsageException("--config: " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("--config: cannot read " + file + ": " + e.getMessage());
        }
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setSchema(new CoreSchema())
                    .setAllowDuplicateKeys(false).build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            root = composer.getSingleNode().orElse(null);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            throw new UsageException(mark.map(m -> at(file, m)).orElse(file.toString()) + ": not valid YAML: "
                    + e.getProblem());
        } catch (YamlEngineException e) {
            throw new UsageException(file + ": not valid YAML: " + e.getMessage());
        }
        ConfigFileArguments result = new ConfigFileArguments(new ArrayList<>(), new HashMap<>());
        if (root == null) {
            return result;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new UsageException(at(file, root) + ": a config file is a mapping of option names to values,"
                    + " e.g. 'concurrency: 8'");
        }
        result.addMapping(file, mapping, spec, givenOnCommandLine, true);
        return result;
    }

    private void addMapping(Path file, MappingNode mapping, CommandSpec spec, Set<OptionSpec> given,
                            boolean topLevel) {
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(file, tuple.getKeyNode(), "an option name");
            String normal = key.replaceFirst("^-+", "").replace('_', '-').toLowerCase(Locale.ROOT);
            OptionSpec option = spec.optionsMap().get((normal.length() == 1 ? "-" : "--") + normal);
            // "endpoint:" holding a mapping is a section, though --endpoint is also an option (a path)
            if (topLevel && SECTIONS.contains(normal) && tuple.getValueNode() instanceof MappingNode section) {
                addMapping(file, section, spec, given, false);
                continue;
            }
            if (option == null) {
                throw new UsageException(at(file, tuple.getKeyNode()) + ": unknown option '" + key + "'"
                        + NameSuggestions.didYouMean(normal, optionNames(spec), NameSuggestions.Phrasing.CLAUSE)
                        + (topLevel ? "" : " (in a section)"));
            }
            if (option.longestName().equals("--config")) {
                throw new UsageException(at(file, tuple.getKeyNode()) + ": a config file cannot name another one");
            }
            if (given.contains(option) || locations.containsKey(option.longestName())) {
                continue;
            }
            locations.put(option.longestName(), at(file, tuple.getValueNode()));
            addValue(file, option, key, tuple.getValueNode());
        }
    }

    private void addValue(Path file, OptionSpec option, String key, Node value) {
        String name = option.longestName();
        boolean flag = option.arity().max() == 0;
        if (value instanceof ScalarNode s && s.getValue().isEmpty() && s.getTag().getValue().endsWith(":null")) {
            throw new UsageException(at(file, value) + ": " + key + " has no value");
        }
        if (flag) {
            String text = scalar(file, value, "true or false");
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> args.add(name);
                case "false", "no", "off" -> {
                    // a flag left out is off
                }
                default -> throw new UsageException(at(file, value) + ": " + key
                        + " is a flag: give true or false, not '" + text + "'");
            }
            return;
        }
        if (value instanceof MappingNode map) {
            for (NodeTuple entry : map.getValue()) {
                args.add(name);
                args.add(scalar(file, entry.getKeyNode(), "a key") + ":" + scalar(file, entry.getValueNode(), "a value"));
            }
            return;
        }
        if (value instanceof SequenceNode list) {
            List<String> items = new ArrayList<>();
            for (Node item : list.getValue()) {
                items.add(scalar(file, item, "a value"));
            }
            if (option.isMultiValue()) {
                items.forEach(item -> {
                    args.add(name);
                    args.add(item);
                });
            } else {
                args.add(name);
                args.add(String.join(",", items));
            }
            return;
        }
        args.add(name);
        args.add(scalar(file, value, "a value"));
    }

    private static String scalar(Path file, Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new UsageException(at(file, node) + ": expected " + what + " here, found a "
                + (node instanceof MappingNode ? "mapping" : "list"));
    }

    private static Set<String> optionNames(CommandSpec spec) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                for (String n : option.names()) {
                    names.add(n.replaceFirst("^-+", ""));
                }
            }
        }
        return names;
    }

    static String at(Path file, Node node) {
        return node.getStartMark().map(m -> at(file, m)).orElse(file.toString());
    }

    private static String at(Path file, Mark mark) {
        return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
