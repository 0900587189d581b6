package dev.aiperf.cli.profile;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code -f/--config}: the run described in a YAML file (docs/config-file.md). */
public final class ConfigFileOptions {

    @Option(names = {"-f", "--config"}, paramLabel = "<file.yaml>",
            description = {"A YAML file of profile options (keys are option names, e.g. 'concurrency: 8',",
                    "optionally under sections such as 'endpoint:'); options on the command line win."})
    Path configFile;
}
