package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of the "Output" group (spec §1.3, §1.5). */
public final class OutputOptions {

    @Option(names = {"--artifact-dir", "--output-artifact-dir"}, paramLabel = "<dir>",
            description = "Artifact directory, used as is (default: artifacts/<model>-openai-<endpoint>-<load>).")
    Path artifactDir;

    @Option(names = {"--export-level", "--profile-export-level"}, paramLabel = "<level>",
            description = "summary, records or raw (default: records).")
    String exportLevel;

    @Option(names = "--export-http-trace",
            description = "Add each request's HTTP trace (timestamps of every phase and chunk, headers, socket"
                    + " addresses) as trace_data to profile_export.jsonl. The http_req_* metrics are computed either"
                    + " way.")
    boolean exportHttpTrace;

    @Option(names = "--show-trace-timing",
            description = "After the run, print the k6-style HTTP timing table (NVIDIA AIPerf | HTTP Trace Timing):"
                    + " blocked, DNS, connecting, TLS, sending, waiting (TTFB), receiving, duration, total, bytes and"
                    + " chunks per request.")
    boolean showTraceTiming;

    @Option(names = "--slice-duration", paramLabel = "<seconds>",
            description = "Seconds per time slice: also write profile_export_aiperf_timeslices.json and .csv,"
                    + " one summary per slice of the run (requests belong to the slice they started in).")
    Double sliceDuration;

    @Option(names = "--html-report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write report.html, one self-contained interactive page, into the artifact directory"
                    + " (default: on; --no-html-report to skip it).")
    boolean htmlReport = true;

    @Option(names = "--auto-plot", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "After the run, draw the PNG plots of 'aiperf plot' into <artifact dir>/plots (default: off).")
    boolean autoPlot;

    @Option(names = "--plot-required",
            description = "With --auto-plot: a plot that cannot be drawn fails the run (exit 1) instead of a warning.")
    boolean plotRequired;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Output s) {
        s.artifactDir = artifactDir;
        s.exportLevel = exportLevel;
        s.exportHttpTrace = exportHttpTrace;
        s.showTraceTiming = showTraceTiming;
        s.sliceDuration = sliceDuration;
        s.htmlReport = htmlReport;
    }
}
