package dev.aiperf.config;

import dev.aiperf.api.config.TelemetryConfig;
import dev.aiperf.environment.AiperfEnvironment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Server metrics and GPU telemetry (upstream §3.11) with the original's defaults: server metrics on, GPU telemetry
 * from the default DCGM endpoints when they answer; the collection intervals come from the environment.
 */
final class TelemetryRules {
    private static final Set<String> SERVER_METRICS_FORMATS = Set.of("json", "csv", "jsonl");

    private final ProfileSettings.Telemetry t;
    private final ProblemList problems;
    private final AiperfEnvironment environment;

    TelemetryRules(ProfileSettings settings, ProblemList problems, AiperfEnvironment environment) {
        this.t = settings.telemetry;
        this.problems = problems;
        this.environment = environment;
    }

    TelemetryConfig build() {
        List<String> extraUrls = t.serverMetrics == null ? List.of() : ProblemList.cleanList(t.serverMetrics);
        if (t.noServerMetrics && !extraUrls.isEmpty()) {
            problems.add("--server-metrics and --no-server-metrics contradict each other; give one of them");
        }
        List<String> formats = t.serverMetricsFormats == null ? TelemetryConfig.DEFAULT_FORMATS
                : ProblemList.cleanList(t.serverMetricsFormats).stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        for (String format : formats) {
            if (format.equals("parquet")) {
                problems.add("--server-metrics-formats parquet is not supported by this tool; valid: json, csv, jsonl");
            } else if (!SERVER_METRICS_FORMATS.contains(format)) {
                problems.add("--server-metrics-formats: unknown format '" + format + "'; valid: json, csv, jsonl");
            }
        }
        for (String url : extraUrls) {
            checkUrl("--server-metrics", url);
        }
        List<String> gpuUrls = t.gpuTelemetry == null ? List.of() : ProblemList.cleanList(t.gpuTelemetry);
        if (t.noGpuTelemetry && t.gpuTelemetry != null) {
            problems.add("--gpu-telemetry and --no-gpu-telemetry contradict each other; give one of them");
        }
        String collector = "dcgm";
        List<String> dcgmUrls = new ArrayList<>();
        for (String value : gpuUrls) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "dcgm" -> collector = "dcgm";
                case "pynvml", "amdsmi", "dashboard" -> problems.add("--gpu-telemetry " + value + " is not supported:"
                        + " this tool reads DCGM exporter endpoints only (give their URLs, or none for the defaults)");
                default -> {
                    if (value.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        problems.add("--gpu-telemetry " + value + ": custom-metrics CSV files are not supported");
                    } else {
                        checkUrl("--gpu-telemetry", value);
                        dcgmUrls.add(value);
                    }
                }
            }
        }
        double serverInterval = interval(AiperfEnvironment.SERVER_METRICS_COLLECTION_INTERVAL);
        double gpuInterval = interval(AiperfEnvironment.GPU_COLLECTION_INTERVAL);
        return new TelemetryConfig(!t.noServerMetrics, extraUrls, formats, serverInterval, !t.noGpuTelemetry,
                t.gpuTelemetry != null, collector, dcgmUrls, gpuInterval);
    }

    private void checkUrl(String option, String url) {
        try {
            URI uri = URI.create(url.contains("://") ? url : "http://" + url);
            if (uri.getHost() == null) {
                problems.add(option + ": '" + url + "' is not a URL (e.g. http://localhost:9400/metrics)");
            }
        } catch (IllegalArgumentException e) {
            problems.add(option + ": '" + url + "' is not a URL (e.g. http://localhost:9400/metrics)");
        }
    }

    /** A collection interval in seconds from the environment (the original's variable), 0.333 when unset. */
    private double interval(String variable) {
        String value = environment.raw(variable);
        if (value == null || value.isBlank()) {
            return TelemetryConfig.DEFAULT_INTERVAL_SECONDS;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds >= 0.001 && seconds <= 300) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("environment variable " + variable + " must be a number of seconds between 0.001 and 300, got '"
                + value + "'");
        return TelemetryConfig.DEFAULT_INTERVAL_SECONDS;
    }
}
