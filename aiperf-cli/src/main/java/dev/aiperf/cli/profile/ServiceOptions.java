package dev.aiperf.cli.profile;

import dev.aiperf.engine.LogLevel;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the "Service/UI" group: what is shown, and the embedded mock server. */
public final class ServiceOptions {

    @Option(names = {"--ui", "--ui-type"}, paramLabel = "<ui>",
            description = "dashboard (full screen: q stops, p pauses), progress, simple or none (default: progress on a"
                    + " terminal, simple otherwise).")
    String ui;

    @Option(names = {"-v", "--verbose"},
            description = "Show stack traces of errors, and every log message with its source; logs at DEBUG.")
    boolean verbose;

    @Option(names = {"-vv", "--extra-verbose"},
            description = "As --verbose, and log at TRACE.")
    boolean extraVerbose;

    @Option(names = "--log-level", paramLabel = "<level>",
            description = "TRACE, DEBUG, INFO, NOTICE, WARNING, SUCCESS, ERROR or CRITICAL: the least severe lines"
                    + " written to logs/aiperf.log and the libraries' log records shown (default: INFO; -v means"
                    + " DEBUG, -vv TRACE; the most verbose wins).")
    String logLevel;

    @Option(names = "--plugins-dir", paramLabel = "<dir>", defaultValue = "${env:AIPERF_PLUGINS_DIR}",
            description = "Folder of plugin jars to load besides the built-ins "
                    + "(default: $AIPERF_PLUGINS_DIR, else ~/.aiperf/plugins).")
    Path pluginsDir;

    @Option(names = "--mock",
            description = "Start the embedded mock server on 127.0.0.1 (a free port) and benchmark it.")
    boolean mock;

    @Option(names = "--mock-ttft", paramLabel = "<ms>", description = "Mock server time to first token (default: 20).")
    Double mockTtftMs;

    @Option(names = "--stats-interval", paramLabel = "<s>",
            description = "Seconds between the blocks of live statistics (requests, failures, throughput, latency"
                    + " percentiles) written during profiling: on the console with --ui none or simple, else to"
                    + " logs/aiperf.log; 0 turns them off (default: 5 with the dashboard, else 30).")
    Double statsInterval;

    /** {@code --stats-interval} checked: null when not given. */
    Double statsInterval(List<String> problems) {
        if (statsInterval != null && (!(statsInterval >= 0) || statsInterval.isInfinite())) {
            problems.add("--stats-interval must be 0 (off) or a number of seconds, got " + statsInterval);
            return null;
        }
        return statsInterval;
    }

    /** The run's log level: {@code --log-level}, made more verbose by {@code -v} (DEBUG) or {@code -vv} (TRACE). */
    String logLevel(List<String> problems) {
        LogLevel level = LogLevel.INFO;
        if (logLevel != null) {
            try {
                level = LogLevel.of(logLevel);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (extraVerbose) {
            level = level.mostVerbose(LogLevel.TRACE);
        } else if (verbose) {
            level = level.mostVerbose(LogLevel.DEBUG);
        }
        return level.name();
    }

    @Option(names = "--mock-itl", paramLabel = "<ms>", description = "Mock server inter-token latency (default: 5).")
    Double mockItlMs;
}
