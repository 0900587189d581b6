package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.TelemetryConfig;
import dev.aiperf.api.export.TelemetryData;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.telemetry.GpuTelemetryResults;
import dev.aiperf.api.telemetry.ServerMetricsResults;
import dev.aiperf.api.ui.LiveServerMetrics;
import dev.aiperf.console.LiveServerLoad;
import dev.aiperf.prometheus.MetricsFetcher;
import dev.aiperf.prometheus.WallClock;
import dev.aiperf.servermetrics.ServerMetricsCollector;
import dev.aiperf.servermetrics.ServerMetricsEndpoints;
import dev.aiperf.servermetrics.ServerMetricsJsonlWriter;
import dev.aiperf.export.ArtifactFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Collects server metrics (and GPU telemetry) beside a run, on one thread of its own ("aiperf-telemetry") with
 * its own HTTP client: a scrape never runs on, waits for, or shares a connection with the benchmark's requests.
 * A baseline is taken before the first request (before warm-up), then one every interval, and a last one when
 * profiling has ended; statistics cover the profiling window. Nothing here can fail the run: problems are one
 * warning line each.
 */
final class TelemetryRun implements AutoCloseable {
    /** Bounds one scrape: an endpoint that stalls cannot hold the end of the run longer than this. */
    static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(5);

    private final ScheduledExecutorService thread;
    private final MetricsFetcher fetcher;
    private final ServerMetricsCollector serverMetrics;
    private final ServerMetricsJsonlWriter serverMetricsJsonl;
    private final GpuTelemetry gpu;
    private final Consumer<String> warnings;
    /** {@code --slice-duration}, for the server-metrics timeslices; null for none. */
    private final Double sliceSeconds;
    /** The periodic scrapes, stopped before the last one so that none starts after it (see {@link #finish}). */
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private boolean finished;

    /** What was observed, for the exporters. */
    record Results(ServerMetricsResults serverMetrics, GpuTelemetryResults gpuTelemetry,
                   List<MetricResult> energyMetrics, TelemetryData telemetryData) {
        static final Results NONE = new Results(null, null, List.of(), TelemetryData.NONE);
    }

    private TelemetryRun(ScheduledExecutorService thread, MetricsFetcher fetcher, ServerMetricsCollector serverMetrics,
                         ServerMetricsJsonlWriter serverMetricsJsonl, GpuTelemetry gpu, Consumer<String> warnings,
                         Double sliceSeconds) {
        this.thread = thread;
        this.sliceSeconds = sliceSeconds;
        this.fetcher = fetcher;
        this.serverMetrics = serverMetrics;
        this.serverMetricsJsonl = serverMetricsJsonl;
        this.gpu = gpu;
        this.warnings = warnings;
    }

    /** Starts collecting: takes the baseline now (before the first request), then one sample every interval. */
    static TelemetryRun start(BenchmarkConfig config, GpuTelemetry gpu, PrintStream err) {
        Consumer<String> warnings = message -> err.println("aiperf: warning: " + message);
        TelemetryConfig settings = config.telemetry();
        List<String> endpoints = ServerMetricsEndpoints.of(config);
        MetricsFetcher fetcher = new MetricsFetcher(SCRAPE_TIMEOUT);
        if (gpu != null) {
            gpu.start(warnings);
        }
        if (endpoints.isEmpty() && gpu == null) {
            fetcher.close();
            return new TelemetryRun(null, null, null, null, null, warnings, null);
        }
        ServerMetricsJsonlWriter jsonl = null;
        if (!endpoints.isEmpty() && settings.serverMetricsFormats().contains("jsonl")) {
            try {
                jsonl = new ServerMetricsJsonlWriter(config.output().artifactDir(),
                        ArtifactFiles.of(config.output()).serverMetrics("jsonl"), warnings);
            } catch (IOException e) {
                warnings.accept("server metrics: cannot write " + ServerMetricsJsonlWriter.FILE + ": " + e.getMessage());
            }
        }
        ServerMetricsCollector collector = endpoints.isEmpty() ? null
                : new ServerMetricsCollector(endpoints, fetcher, warnings, jsonl);
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aiperf-telemetry");
            t.setDaemon(true);
            return t;
        });
        TelemetryRun run = new TelemetryRun(thread, fetcher, collector, jsonl, gpu, warnings,
                config.output().sliceDurationSeconds());
        run.runNow(run::collectAll);
        if (collector != null) {
            long every = nanos(settings.serverMetricsIntervalSeconds());
            run.schedules.add(thread.scheduleAtFixedRate(guarded(collector::scrapeAll, warnings), every, every,
                    TimeUnit.NANOSECONDS));
        }
        if (gpu != null && gpu.active()) {
            long every = nanos(settings.gpuTelemetryIntervalSeconds());
            run.schedules.add(thread.scheduleAtFixedRate(guarded(gpu::collectAll, warnings), every, every,
                    TimeUnit.NANOSECONDS));
        }
        return run;
    }

    private void collectAll() {
        if (serverMetrics != null) {
            serverMetrics.scrapeAll();
        }
        if (gpu != null) {
            gpu.collectAll();
        }
    }

    /**
     * The server's load as last scraped, for the live view; null when the run scrapes no server metrics. Called
     * from the progress thread: it only reads the collector's latest values, never waits for a scrape.
     */
    LiveServerMetrics liveServerMetrics() {
        return serverMetrics == null ? null : LiveServerLoad.of(serverMetrics.latest(), WallClock.nowNs());
    }

    /**
     * Stops collecting after one last scrape and summarises the profiling window {@code [startNs, endNs]} (epoch ns).
     */
    Results finish(long startNs, long endNs, List<MetricResult> runResults) {
        if (thread == null || finished) {
            return Results.NONE;
        }
        finished = true;
        try {
            // A periodic scrape due right after the last one (it falls behind on a busy machine) would start before
            // shutdownNow and be interrupted mid-fetch, recorded as a failed read: stop them first, without
            // interrupting one in flight, which then finishes before the last scrape starts (one thread).
            schedules.forEach(schedule -> schedule.cancel(false));
            runNow(this::collectAll);
            thread.shutdownNow();
            ServerMetricsResults server = serverMetrics == null ? null : serverMetrics.results(startNs, endNs,
                    sliceSeconds);
            GpuTelemetryResults gpuResults = gpu == null ? null : gpu.results(startNs, endNs);
            List<MetricResult> energy = gpu == null ? List.of() : gpu.energyMetrics(gpuResults, runResults, startNs,
                    endNs);
            return new Results(server, gpuResults, energy,
                    gpu == null ? TelemetryData.NONE : gpu.telemetryData(gpuResults, startNs, endNs));
        } catch (RuntimeException e) {
            warnings.accept("telemetry: cannot summarise what was collected: " + e);
            return Results.NONE;
        } finally {
            close();
        }
    }

    /** Runs {@code task} on the telemetry thread and waits for it (bounded by the scrape timeouts). */
    private void runNow(Runnable task) {
        try {
            thread.submit(guarded(task, warnings)).get(4 * SCRAPE_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            warnings.accept("telemetry: a scrape did not finish in time: " + e);
        }
    }

    private static Runnable guarded(Runnable task, Consumer<String> warnings) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A periodic task that throws is never run again: report it and keep the schedule alive.
                warnings.accept("telemetry: " + e);
            }
        };
    }

    private static long nanos(double seconds) {
        return Math.max(1_000_000L, Math.round(seconds * 1e9));
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
        if (fetcher != null) {
            fetcher.close();
        }
        if (gpu != null) {
            gpu.close();
        }
        if (serverMetricsJsonl != null) {
            try {
                serverMetricsJsonl.close();
            } catch (IOException e) {
                warnings.accept("server metrics: " + e.getMessage());
            }
        }
    }

}
