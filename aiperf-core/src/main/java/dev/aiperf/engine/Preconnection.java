package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.transport.Transport;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --preconnect} (on by default): before the first request, opens the connections the run will
 * keep busy, so that neither the warm-up nor the first measured requests pay for a TCP or TLS handshake
 * that later requests do not. It sends no request, so the load the server sees is unchanged. How many:
 * the concurrency (warm-up's if larger), else one second's worth of requests at the request rate,
 * spread over the URLs as the requests are.
 */
final class Preconnection {

    /** Longest wait for the connections; a slow or absent server is then met by the run itself. */
    static final long MAX_WAIT_SECONDS = 10;
    /** Most connections opened ahead without a concurrency to go by. */
    static final int MAX_WITHOUT_CONCURRENCY = 256;

    private Preconnection() {
    }

    /** Opens the connections and prints how many, when any. */
    static void open(Transport transport, BenchmarkConfig config, PrintStream out) {
        List<String> urls = config.endpoint().urls();
        int perUrl = (int) Math.ceil(connectionsNeeded(config.load()) / (double) Math.max(1, urls.size()));
        if (perUrl <= 0 || urls.isEmpty()) {
            return;
        }
        long startNs = System.nanoTime();
        int opened = 0;
        for (String url : urls) {
            CompletableFuture<Integer> open;
            try {
                open = transport.preconnect(URI.create(url.contains("://") ? url : "http://" + url), perUrl);
            } catch (IllegalArgumentException badUrl) {
                continue; // every request reports it
            }
            opened += await(open, config);
        }
        if (opened > 0) {
            out.printf("Pre-opened %d connection%s in %d ms (--no-preconnect to skip)%n", opened,
                    opened == 1 ? "" : "s", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
        }
    }

    static int connectionsNeeded(LoadConfig load) {
        int concurrency = Math.max(load.concurrency() == null ? 0 : load.concurrency(),
                load.hasWarmup() && load.warmupConcurrency() != null ? load.warmupConcurrency() : 0);
        if (concurrency > 0) {
            return concurrency;
        }
        if (load.requestRate() != null && load.requestRate() > 0) {
            return (int) Math.min(MAX_WITHOUT_CONCURRENCY, Math.ceil(load.requestRate()));
        }
        return 1;
    }

    private static int await(CompletableFuture<Integer> open, BenchmarkConfig config) {
        long waitMs = (long) Math.min(MAX_WAIT_SECONDS * 1000.0, config.endpoint().requestTimeoutSeconds() * 1000);
        try {
            return open.get(Math.max(1, waitMs), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
