package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;

/** Keeps the API key out of everything written or printed. */
public final class Redaction {
    /** What replaces a secret. */
    public static final String REDACTED = "<redacted>";

    private Redaction() {
    }

    /** The run's command line with any literal copy of the API key replaced, or null when there is none. */
    public static String commandLine(BenchmarkConfig config) {
        String command = config.output().commandLine();
        String apiKey = config.endpoint().apiKey();
        if (command == null || apiKey == null || apiKey.isEmpty()) {
            return command;
        }
        return command.replace(apiKey, REDACTED);
    }
}
