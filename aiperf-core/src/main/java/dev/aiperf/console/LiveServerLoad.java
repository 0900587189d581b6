package dev.aiperf.console;

import dev.aiperf.api.ui.LiveServerMetrics;
import dev.aiperf.export.Redaction;
import dev.aiperf.servermetrics.LatestScrape;

import java.util.List;

/**
 * Reads the server's load (requests running and waiting, KV-cache use) out of the latest scrapes, under the names of
 * whichever backend the endpoint is ({@link KeyServerSeries}: vLLM, SGLang, TensorRT-LLM, NIM).
 */
public final class LiveServerLoad {
    private LiveServerLoad() {
    }

    /** The load each endpoint showed, aged against {@code nowEpochNs}. */
    public static LiveServerMetrics of(List<LatestScrape> scrapes, long nowEpochNs) {
        return new LiveServerMetrics(scrapes.stream().map(s -> endpoint(s, nowEpochNs)).toList());
    }

    private static LiveServerMetrics.Endpoint endpoint(LatestScrape scrape, long nowEpochNs) {
        Double kv = first(scrape, KeyServerSeries.KV_CACHE_USAGE, true);
        return new LiveServerMetrics.Endpoint(Redaction.url(scrape.url()),
                first(scrape, KeyServerSeries.REQUESTS_RUNNING, false),
                first(scrape, KeyServerSeries.REQUESTS_WAITING, false),
                kv == null ? null : kv * 100,
                scrape.scraped() ? Math.max(0, (nowEpochNs - scrape.scrapedAtNs()) / 1e9) : null);
    }

    /** The first of the row's names the page has: summed over its series, or their mean for a ratio. */
    private static Double first(LatestScrape scrape, KeyServerSeries.Row row, boolean mean) {
        for (String name : row.names()) {
            Double value = mean ? scrape.mean(name) : scrape.sum(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
