package dev.aiperf.api.config;

import dev.aiperf.api.tokenizer.TokenizerSpec;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where results go and what is shown.
 *
 * @param artifactDir              the resolved artifact directory
 * @param exportLevel              {@code summary}, {@code records} or {@code raw}
 * @param ui                       UI plugin name
 * @param goodput                  SLOs: metric tag to threshold in the metric's display unit; empty for none
 * @param tokenizer                {@code --tokenizer}: a tiktoken encoding, a Hugging Face model id, folder or
 *                                 tokenizer.json; null means the tokenizer of the first model, else cl100k_base
 * @param tokenizerRevision        {@code --tokenizer-revision} (hub branch, tag or commit), {@code main} by default
 * @param tokenizerTrustRemoteCode {@code --tokenizer-trust-remote-code}; accepted, no model code is ever run
 * @param commandLine              the reconstructed command, embedded in exports (API key redacted)
 * @param htmlReport               whether the run writes {@code report.html} into its artifact directory
 *                                 ({@code --no-html-report} turns it off)
 * @param exportHttpTrace          {@code --export-http-trace}: each line of {@code profile_export.jsonl} carries
 *                                 its request's {@code trace_data} (the {@code http_req_*} metrics are computed
 *                                 either way)
 * @param sliceDurationSeconds     {@code --slice-duration}: seconds per time slice of the timeslice exports, or
 *                                 null for none
 * @param showTraceTiming          {@code --show-trace-timing}: print the {@code http_req_*} table
 *                                 ({@code NVIDIA AIPerf | HTTP Trace Timing}) after the run
 * @param exportPrefix             {@code --profile-export-prefix}: the base name of every export file, or null
 *                                 for the original's default names
 * @param exportOutputsJson        {@code --export-outputs-json}: write each request's generated text to
 *                                 {@code outputs.json} (also at export level {@code raw})
 * @param logLevel                 {@code --log-level}: the original's level name ({@code TRACE}, {@code DEBUG},
 *                                 {@code INFO}, {@code NOTICE}, {@code WARNING}, {@code SUCCESS}, {@code ERROR},
 *                                 {@code CRITICAL}) the run's log {@code logs/aiperf.log} is written at
 * @param statsIntervalSeconds     {@code --stats-interval}: seconds between the periodic stats blocks of the
 *                                 profiling phase, 0 for none, null for the original's default (5 with the
 *                                 dashboard, else 30)
 */
public record OutputConfig(Path artifactDir, String exportLevel, String ui, Map<String, Double> goodput,
                           String tokenizer, String tokenizerRevision, boolean tokenizerTrustRemoteCode,
                           String commandLine, boolean htmlReport, boolean exportHttpTrace,
                           Double sliceDurationSeconds, boolean showTraceTiming, String exportPrefix,
                           boolean exportOutputsJson, String logLevel, Double statsIntervalSeconds) {
    /** The original's default log level. */
    public static final String DEFAULT_LOG_LEVEL = "INFO";

    public OutputConfig {
        goodput = Map.copyOf(goodput);
        tokenizerRevision = tokenizerRevision == null || tokenizerRevision.isBlank()
                ? TokenizerSpec.DEFAULT_REVISION : tokenizerRevision;
        exportPrefix = exportPrefix == null || exportPrefix.isBlank() ? null : exportPrefix;
        logLevel = logLevel == null || logLevel.isBlank() ? DEFAULT_LOG_LEVEL : logLevel;
        if (statsIntervalSeconds != null && !(statsIntervalSeconds >= 0 && statsIntervalSeconds < 1e9)) {
            throw new IllegalArgumentException("the stats interval must be 0 (off) or a number of seconds, got "
                    + statsIntervalSeconds);
        }
    }

    /** Default export names, no {@code outputs.json} of its own, log at {@code INFO}, default stats interval. */
    public OutputConfig(Path artifactDir, String exportLevel, String ui, Map<String, Double> goodput,
                        String tokenizer, String tokenizerRevision, boolean tokenizerTrustRemoteCode,
                        String commandLine, boolean htmlReport, boolean exportHttpTrace,
                        Double sliceDurationSeconds, boolean showTraceTiming) {
        this(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision, tokenizerTrustRemoteCode,
                commandLine, htmlReport, exportHttpTrace, sliceDurationSeconds, showTraceTiming, null, false,
                DEFAULT_LOG_LEVEL, null);
    }

    /** Without the HTTP trace timing table. */
    public OutputConfig(Path artifactDir, String exportLevel, String ui, Map<String, Double> goodput,
                        String tokenizer, String tokenizerRevision, boolean tokenizerTrustRemoteCode,
                        String commandLine, boolean htmlReport, boolean exportHttpTrace,
                        Double sliceDurationSeconds) {
        this(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision, tokenizerTrustRemoteCode,
                commandLine, htmlReport, exportHttpTrace, sliceDurationSeconds, false);
    }

    /** With {@code report.html}, without HTTP trace export or time slices. */
    public OutputConfig(Path artifactDir, String exportLevel, String ui, Map<String, Double> goodput,
                        String tokenizer, String tokenizerRevision, boolean tokenizerTrustRemoteCode,
                        String commandLine) {
        this(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision, tokenizerTrustRemoteCode,
                commandLine, true, false, null);
    }

    /** Without HTTP trace export or time slices. */
    public OutputConfig(Path artifactDir, String exportLevel, String ui, Map<String, Double> goodput,
                        String tokenizer, String tokenizerRevision, boolean tokenizerTrustRemoteCode,
                        String commandLine, boolean htmlReport) {
        this(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision, tokenizerTrustRemoteCode,
                commandLine, htmlReport, false, null);
    }

    /** The same output without (or with) {@code report.html}. */
    public OutputConfig withHtmlReport(boolean enabled) {
        return new OutputConfig(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision,
                tokenizerTrustRemoteCode, commandLine, enabled, exportHttpTrace, sliceDurationSeconds,
                showTraceTiming, exportPrefix, exportOutputsJson, logLevel, statsIntervalSeconds);
    }

    /** The same output settings with {@code --export-http-trace} and {@code --slice-duration}. */
    public OutputConfig withDetail(boolean httpTrace, Double sliceSeconds) {
        return new OutputConfig(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision,
                tokenizerTrustRemoteCode, commandLine, htmlReport, httpTrace, sliceSeconds, showTraceTiming,
                exportPrefix, exportOutputsJson, logLevel, statsIntervalSeconds);
    }

    /** The same output settings with (or without) {@code --show-trace-timing}. */
    public OutputConfig withShowTraceTiming(boolean show) {
        return new OutputConfig(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision,
                tokenizerTrustRemoteCode, commandLine, htmlReport, exportHttpTrace, sliceDurationSeconds, show,
                exportPrefix, exportOutputsJson, logLevel, statsIntervalSeconds);
    }

    /** The same output settings with {@code --profile-export-prefix}, {@code --export-outputs-json}, {@code --log-level}. */
    public OutputConfig withFiles(String prefix, boolean outputsJson, String level) {
        return new OutputConfig(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision,
                tokenizerTrustRemoteCode, commandLine, htmlReport, exportHttpTrace, sliceDurationSeconds,
                showTraceTiming, prefix, outputsJson, level, statsIntervalSeconds);
    }

    /** The same output settings with {@code --stats-interval} (null for the default, 0 for none). */
    public OutputConfig withStatsInterval(Double seconds) {
        return new OutputConfig(artifactDir, exportLevel, ui, goodput, tokenizer, tokenizerRevision,
                tokenizerTrustRemoteCode, commandLine, htmlReport, exportHttpTrace, sliceDurationSeconds,
                showTraceTiming, exportPrefix, exportOutputsJson, logLevel, seconds);
    }

    /** Whether {@code outputs.json} is written: asked for, or implied by export level {@code raw} (as the original). */
    public boolean writesOutputsJson() {
        return exportOutputsJson || "raw".equals(exportLevel);
    }

    /** Revision {@code main}, remote code not trusted. */
    public OutputConfig(Path artifactDir, String exportLevel, String ui, Map<String, Double> goodput,
                        String tokenizer, String commandLine) {
        this(artifactDir, exportLevel, ui, goodput, tokenizer, null, false, commandLine);
    }

    /** The same output settings writing to another folder (each run of a study has its own). */
    public OutputConfig withArtifactDir(Path dir) {
        // Every other setting is kept: a study's runs once lost --no-html-report, --export-http-trace and
        // --slice-duration here.
        return new OutputConfig(dir, exportLevel, ui, goodput, tokenizer, tokenizerRevision, tokenizerTrustRemoteCode,
                commandLine, htmlReport, exportHttpTrace, sliceDurationSeconds, showTraceTiming, exportPrefix,
                exportOutputsJson, logLevel, statsIntervalSeconds);
    }

    /** The tokenizer asked for, or null when none was named (then the model's own is looked for). */
    public TokenizerSpec tokenizerSpec() {
        return tokenizer == null || tokenizer.isBlank() ? null
                : new TokenizerSpec(tokenizer, tokenizerRevision, tokenizerTrustRemoteCode);
    }
}
