package dev.aiperf.cli.plugins;

import picocli.CommandLine.Option;

/** The {@code --json} switch of the commands whose output scripts read. */
final class JsonOption {

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    boolean json;
}
