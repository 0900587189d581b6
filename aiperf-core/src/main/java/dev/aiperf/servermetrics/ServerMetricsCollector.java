package dev.aiperf.servermetrics;

import dev.aiperf.prometheus.MetricsFetcher;
import dev.aiperf.prometheus.PrometheusTextParser;
import dev.aiperf.prometheus.SeriesCache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Scrapes every server-metrics endpoint once per call of {@link #scrapeAll}, on the run's telemetry thread. An
 * endpoint that fails is reported once (one warning line) and the run goes on; one that answers JSON, 404 or a
 * body that is not Prometheus text is dropped after a single try of {@code <base>/prometheus/metrics} (where
 * TRT-LLM serves its metrics), as the original does.
 */
public final class ServerMetricsCollector {
    private final MetricsFetcher fetcher;
    private final Consumer<String> warnings;
    private final ServerMetricsJsonlWriter jsonl;
    private final List<Target> targets = new ArrayList<>();

    /** One configured endpoint and what happened to it. */
    private static final class Target {
        final String configured;
        String url;
        final EndpointScrapes scrapes;
        /** The series this endpoint's pages repeat: only their values are read again. */
        final SeriesCache cache = new SeriesCache();
        boolean warned;
        boolean disabled;
        boolean triedFallback;
        /** Written by the scraping thread, read by any (the live view): an immutable value, swapped whole. */
        volatile LatestScrape latest;

        Target(String url) {
            this.configured = url;
            this.url = url;
            this.scrapes = new EndpointScrapes(url);
            this.latest = LatestScrape.none(url);
        }
    }

    /**
     * @param urls     the endpoints, each a full URL
     * @param warnings where the one-line warnings go
     * @param jsonl    writes every scrape as a line, or null
     */
    public ServerMetricsCollector(List<String> urls, MetricsFetcher fetcher, Consumer<String> warnings,
                                  ServerMetricsJsonlWriter jsonl) {
        this.fetcher = fetcher;
        this.warnings = warnings;
        this.jsonl = jsonl;
        urls.forEach(url -> targets.add(new Target(url)));
    }

    public List<String> configured() {
        return targets.stream().map(t -> t.configured).toList();
    }

    /** One scrape of every endpoint still in use. */
    public void scrapeAll() {
        for (Target target : targets) {
            if (!target.disabled) {
                scrape(target);
            }
        }
    }

    private void scrape(Target target) {
        MetricsFetcher.Page page;
        try {
            page = fetcher.fetch(target.url);
        } catch (IOException | RuntimeException e) {
            warnOnce(target, "cannot scrape " + target.url + ": " + describe(e) + "; retrying during the run");
            return;
        }
        boolean json = page.contentType().toLowerCase(Locale.ROOT).contains("json");
        if (page.status() != 200 && page.status() != 404 && !json) {
            warnOnce(target, "cannot scrape " + target.url + ": HTTP " + page.status() + "; retrying during the run");
            return;
        }
        if (page.status() == 404 || json) {
            String why = json ? "it answers JSON, not Prometheus text" : "HTTP 404";
            if (fallBack(target)) {
                return;
            }
            disable(target, why);
            return;
        }
        PrometheusTextParser.Exposition exposition = PrometheusTextParser.parse(page.body(), target.cache);
        if (exposition.families().isEmpty() && exposition.skippedLines() > 0) {
            if (!fallBack(target)) {
                disable(target, "not Prometheus text (" + exposition.firstProblem() + ")");
            }
            return;
        }
        if (exposition.skippedLines() > 0) {
            warnOnce(target, "skipped " + exposition.skippedLines() + " unparsable line(s) of " + target.url + ", first at "
                    + exposition.firstProblem());
        }
        long time = page.doneWallNs();
        target.scrapes.add(time, page.latencyNs(), page.body().hashCode(), exposition.families());
        target.latest = LatestScrape.of(target.url, time, exposition.families());
        if (jsonl != null) {
            jsonl.write(target.url, page, exposition.families());
        }
    }

    /** Tries the TRT-LLM path once; true when it is now the target's URL. */
    private boolean fallBack(Target target) {
        if (target.triedFallback || target.scrapes.successful()) {
            return false;
        }
        target.triedFallback = true;
        String fallback = ServerMetricsEndpoints.base(target.url) + "/prometheus/metrics";
        if (fallback.equals(target.url)) {
            return false;
        }
        String previous = target.url;
        target.url = fallback;
        scrape(target);
        if (!target.scrapes.successful()) {
            target.url = previous;
            return false;
        }
        return true;
    }

    private void disable(Target target, String why) {
        target.disabled = true;
        warnOnce(target, "no server metrics from " + target.url + ": " + why);
    }

    private void warnOnce(Target target, String message) {
        if (!target.warned) {
            target.warned = true;
            warnings.accept("server metrics: " + message);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    /**
     * The latest gauge and counter values of each configured endpoint, in the configured order; safe to call from
     * any thread while scraping goes on (an endpoint not scraped yet gives {@link LatestScrape#scraped()} false).
     */
    public List<LatestScrape> latest() {
        return targets.stream().map(t -> t.latest).toList();
    }

    /** What was collected, summarised over the profiling window {@code [startNs, endNs]}. */
    public dev.aiperf.api.telemetry.ServerMetricsResults results(long startNs, long endNs) {
        return results(startNs, endNs, null);
    }

    /**
     * What was collected, summarised over the profiling window {@code [startNs, endNs]}, each series also cut into
     * windows of {@code sliceSeconds} ({@code --slice-duration}; null for none).
     */
    public dev.aiperf.api.telemetry.ServerMetricsResults results(long startNs, long endNs, Double sliceSeconds) {
        return ServerMetricsSummarizer.summarize(targets.stream().map(t -> t.scrapes).toList(), configured(),
                startNs, endNs, sliceSeconds);
    }
}
