package dev.aiperf.servermetrics;

import dev.aiperf.api.config.BenchmarkConfig;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which Prometheus endpoints a run scrapes: {@code <base url>/metrics} of every {@code --url}, then the extra ones. */
public final class ServerMetricsEndpoints {
    private ServerMetricsEndpoints() {
    }

    public static List<String> of(BenchmarkConfig config) {
        if (!config.telemetry().serverMetrics()) {
            return List.of();
        }
        Set<String> urls = new LinkedHashSet<>();
        for (String url : config.endpoint().urls()) {
            urls.add(base(url) + "/metrics");
        }
        for (String url : config.telemetry().serverMetricsUrls()) {
            urls.add(withMetricsPath(url));
        }
        return List.copyOf(urls);
    }

    /**
     * {@code scheme://host:port} of a benchmark URL; h2c/h2 map to http/https, a missing scheme is http. Credentials
     * in the URL are left out: they are the inference API's, and scrape URLs are written to the exports.
     */
    static String base(String url) {
        URI uri = URI.create(url.contains("://") ? url : "http://" + url);
        String scheme = switch (uri.getScheme().toLowerCase()) {
            case "https", "h2" -> "https";
            default -> "http";
        };
        return scheme + "://" + hostPort(uri);
    }

    /**
     * A URL given for scraping: {@code http://} when no scheme, {@code /metrics} when no path, credentials left out
     * (they would be written to the exports).
     */
    public static String withMetricsPath(String url) {
        URI uri = URI.create(url.contains("://") ? url : "http://" + url);
        String path = uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        if (path == null || path.isEmpty() || path.equals("/")) {
            path = "/metrics";
        }
        return uri.getScheme() + "://" + hostPort(uri) + path + query;
    }

    private static String hostPort(URI uri) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("not a URL with a host: " + uri);
        }
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** {@code host:port} of an endpoint URL, as the exports name endpoints for display. */
    public static String display(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort();
        return port < 0 ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
