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

    /** {@code scheme://host:port} of a benchmark URL; h2c/h2 map to http/https, a missing scheme is http. */
    static String base(String url) {
        URI uri = URI.create(url.contains("://") ? url : "http://" + url);
        String scheme = switch (uri.getScheme().toLowerCase()) {
            case "https", "h2" -> "https";
            default -> "http";
        };
        return scheme + "://" + uri.getRawAuthority();
    }

    /** A URL given for scraping: {@code http://} when no scheme, {@code /metrics} when no path. */
    public static String withMetricsPath(String url) {
        String withScheme = url.contains("://") ? url : "http://" + url;
        URI uri = URI.create(withScheme);
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return uri.getScheme() + "://" + uri.getRawAuthority() + "/metrics";
        }
        return withScheme;
    }

    /** {@code host:port} of an endpoint URL, as the exports name endpoints for display. */
    public static String display(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort();
        return port < 0 ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
