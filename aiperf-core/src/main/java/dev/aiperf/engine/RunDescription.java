package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.export.Redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run is, in a few lines for the DEBUG level of its log ({@code --log-level DEBUG}, {@code -v}): the
 * endpoint and URLs (credentials redacted), each phase's load and every plugin the run built with its class.
 * Written once at the start, never on a request's path.
 */
final class RunDescription {
    private RunDescription() {
    }

    static List<String> lines(BenchmarkConfig config, List<UsedPlugin> plugins, List<PhasePlan> phases) {
        List<String> lines = new ArrayList<>();
        lines.add("endpoint: " + config.endpoint().type() + (config.endpoint().streaming() ? " (streaming)" : "")
                + " at " + String.join(", ", config.endpoint().urls().stream().map(Redaction::url).toList())
                + ", models " + config.endpoint().models());
        for (PhasePlan phase : phases) {
            lines.add("phase " + phase.phase().wireName() + " planned: " + load(phase.load()));
        }
        for (UsedPlugin plugin : plugins) {
            lines.add("plugin " + plugin.category() + " '" + plugin.name() + "': " + plugin.className());
        }
        lines.add("exports: level " + config.output().exportLevel() + " into " + config.output().artifactDir()
                .toAbsolutePath() + (config.output().exportPrefix() == null ? ""
                : ", file prefix " + config.output().exportPrefix()));
        return lines;
    }

    /** A phase's load settings that are set, e.g. {@code concurrency=8 request_count=100}. */
    static String load(LoadConfig load) {
        StringBuilder text = new StringBuilder(load.timingStrategy());
        append(text, "concurrency", load.concurrency());
        append(text, "request_rate", load.requestRate());
        append(text, "arrival_pattern", load.requestRate() == null ? null : load.arrivalPattern());
        append(text, "request_count", load.requestCount());
        append(text, "num_sessions", load.numSessions());
        append(text, "duration_s", load.benchmarkDurationSeconds());
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }
}
