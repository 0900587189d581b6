package dev.aiperf.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetches metrics pages over HTTP with the JDK's client, on threads of its own: never on the benchmark's
 * transport, so a scrape neither shares a connection pool with the requests nor delays them.
 */
public final class MetricsFetcher implements AutoCloseable {
    private static final String ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.9,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration timeout;

    public MetricsFetcher(Duration timeout) {
        this.timeout = timeout;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "aiperf-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().executor(executor).connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * One page.
     *
     * @param status      HTTP status
     * @param contentType the {@code Content-Type} header, empty when absent
     * @param body        the body as UTF-8 text
     * @param sentWallNs  epoch ns when the request was sent
     * @param doneWallNs  epoch ns when the whole body had arrived
     */
    public record Page(int status, String contentType, String body, long sentWallNs, long doneWallNs) {
        public long latencyNs() {
            return doneWallNs - sentWallNs;
        }
    }

    /** GETs {@code url}; blocks up to the timeout. */
    public Page fetch(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", ACCEPT)
                .GET().build();
        long sent = WallClock.nowNs();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body(), sent, WallClock.nowNs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
