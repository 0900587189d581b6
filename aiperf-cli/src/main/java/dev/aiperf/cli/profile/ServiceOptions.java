package dev.aiperf.cli.profile;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the "Service/UI" group: what is shown, and the embedded mock server. */
public final class ServiceOptions {

    @Option(names = {"--ui", "--ui-type"}, paramLabel = "<ui>",
            description = "dashboard (full screen: q stops, p pauses), progress, simple or none (default: progress on a"
                    + " terminal, simple otherwise).")
    String ui;

    @Option(names = {"-v", "--verbose"},
            description = "Show stack traces of errors, and every log message with its source.")
    boolean verbose;

    @Option(names = "--plugins-dir", paramLabel = "<dir>", defaultValue = "${env:AIPERF_PLUGINS_DIR}",
            description = "Folder of plugin jars to load besides the built-ins "
                    + "(default: $AIPERF_PLUGINS_DIR, else ~/.aiperf/plugins).")
    Path pluginsDir;

    @Option(names = "--mock",
            description = "Start the embedded mock server on 127.0.0.1 (a free port) and benchmark it.")
    boolean mock;

    @Option(names = "--mock-ttft", paramLabel = "<ms>", description = "Mock server time to first token (default: 20).")
    Double mockTtftMs;

    @Option(names = "--mock-itl", paramLabel = "<ms>", description = "Mock server inter-token latency (default: 5).")
    Double mockItlMs;
}
