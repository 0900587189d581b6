package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

import java.util.List;

/** Options of the "Server Metrics and GPU Telemetry" group (upstream §3.11). */
public final class TelemetryOptions {

    @Option(names = "--server-metrics", paramLabel = "<url>", arity = "0..*",
            description = "Further Prometheus endpoints to scrape besides <url>/metrics of every --url (which is"
                    + " scraped by default); a URL without a path gets /metrics.")
    List<String> serverMetrics;

    @Option(names = "--no-server-metrics", description = "Scrape no server metrics at all.")
    boolean noServerMetrics;

    @Option(names = "--server-metrics-formats", paramLabel = "<format>", arity = "1..*", split = ",",
            description = "Server-metrics files to write: json, csv, jsonl (default: json csv).")
    List<String> serverMetricsFormats;

    @Option(names = "--gpu-telemetry", paramLabel = "<url>", arity = "0..*",
            description = "Show GPU telemetry; values are DCGM exporter URLs (default: http://localhost:9400/metrics"
                    + " and http://localhost:9401/metrics, collected whenever they answer). NVML is not read"
                    + " directly.")
    List<String> gpuTelemetry;

    @Option(names = "--no-gpu-telemetry", description = "Collect no GPU telemetry.")
    boolean noGpuTelemetry;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Telemetry s) {
        s.serverMetrics = serverMetrics;
        s.noServerMetrics = noServerMetrics;
        s.serverMetricsFormats = serverMetricsFormats;
        s.gpuTelemetry = gpuTelemetry;
        s.noGpuTelemetry = noGpuTelemetry;
    }
}
