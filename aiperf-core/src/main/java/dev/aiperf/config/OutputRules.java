package dev.aiperf.config;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.OutputConfig;
import dev.aiperf.export.Redaction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The "Output", "Tokenizer" and UI settings (spec §1.3, §1.5): the artifact folder (named after the model, endpoint
 * and load when not given), export level, UI, goodput SLOs and the redacted command line.
 */
final class OutputRules {
    private static final Set<String> EXPORT_LEVELS = Set.of("summary", "records", "raw");

    private final ProfileSettings s;
    private final ProblemList problems;

    OutputRules(ProfileSettings settings, ProblemList problems) {
        this.s = settings;
        this.problems = problems;
    }

    OutputConfig build(EndpointConfig endpoint, LoadConfig load, boolean terminal, String commandLine) {
        Path dir = s.output.artifactDir != null ? s.output.artifactDir
                : ArtifactDirectoryNamer.directory(ArtifactDirectoryNamer.DEFAULT_ROOT, endpoint.models(),
                EndpointRules.metadata(endpoint.type()).serviceKind(), endpoint.type(), load);
        String level = problems.oneOf("--export-level", s.output.exportLevel, "records", EXPORT_LEVELS);
        String ui = problems.pluginName("--ui", PluginType.UI, s.ui != null ? s.ui : terminal ? "progress" : "simple");
        Map<String, Double> goodput = Map.of();
        try {
            goodput = GoodputParser.parse(s.input.goodput);
        } catch (IllegalArgumentException ex) {
            problems.add(ex.getMessage());
        }
        checkArtifactDir(dir);
        // No --tokenizer: the engine looks for the model's own, else falls back to cl100k_base with a warning.
        Double slice = problems.positive("--slice-duration", s.output.sliceDuration, null);
        return new OutputConfig(dir, level, ui, goodput, s.tokenizer.name, s.tokenizer.revision,
                s.tokenizer.trustRemoteCode, Redaction.of(endpoint).text(commandLine), s.output.htmlReport,
                s.output.exportHttpTrace, slice).withShowTraceTiming(s.output.showTraceTiming);
    }

    /** The artifact folder, or a folder above it, must not be an existing file. */
    private void checkArtifactDir(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                problems.add("--artifact-dir " + dir + (p.equals(dir.toAbsolutePath()) ? " is an existing file"
                        : " is below " + p + ", which is an existing file") + "; give a folder path");
                return;
            }
        }
    }
}
