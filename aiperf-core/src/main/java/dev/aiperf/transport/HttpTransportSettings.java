package dev.aiperf.transport;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.environment.AiperfEnvironment;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the HTTP transport connects and when it gives up.
 *
 * @param requestTimeout   total time allowed per request, from send to last byte ({@code --request-timeout-seconds})
 * @param connectTimeout   time allowed to open a connection ({@code AIPERF_HTTP_CONNECT_TIMEOUT} seconds;
 *                         default the request timeout, at most 300 s)
 * @param readTimeout      longest silence allowed while a response is awaited or streamed
 *                         ({@code AIPERF_HTTP_READ_TIMEOUT} seconds; default the request timeout)
 * @param keepAliveTimeout idle pooled connections are closed after this ({@code AIPERF_HTTP_KEEPALIVE_TIMEOUT}, 300 s)
 * @param connectionLimit  most open connections per host ({@code AIPERF_HTTP_CONNECTION_LIMIT}; default the
 *                         larger of 2500 and the run's concurrency, so that every concurrent request has a
 *                         connection and none waits unseen for one)
 * @param sslVerify        verify server certificates and host names ({@code AIPERF_HTTP_SSL_VERIFY}, true)
 * @param reuseStrategy    {@code pooled}, {@code never} or {@code sticky-user-sessions}
 * @param ioThreads        event-loop threads (default: available processors)
 * @param httpTrace        record each exchange's HTTP trace, for the {@code http_req_*} metrics
 *                         ({@code AIPERF_HTTP_TRACE}, true: the original computes them always; false only to
 *                         measure what tracing costs)
 * @param keepTraceHeaders keep the response headers in the trace ({@code --export-http-trace})
 * @param ioEngine         the event loops' socket and timer machinery ({@code --io-engine}; default auto: epoll
 *                         where it loads, else NIO)
 */
public record HttpTransportSettings(Duration requestTimeout, Duration connectTimeout, Duration readTimeout,
                                    Duration keepAliveTimeout, int connectionLimit, boolean sslVerify,
                                    String reuseStrategy, int ioThreads, boolean httpTrace, boolean keepTraceHeaders,
                                    IoEngine ioEngine) {

    public static final String POOLED = "pooled";
    public static final String NEVER = "never";
    public static final String STICKY = "sticky-user-sessions";
    /** The original's default connection limit per host. */
    public static final int DEFAULT_CONNECTION_LIMIT = 2500;

    /** Tracing on, response headers not kept. */
    public HttpTransportSettings(Duration requestTimeout, Duration connectTimeout, Duration readTimeout,
                                 Duration keepAliveTimeout, int connectionLimit, boolean sslVerify,
                                 String reuseStrategy, int ioThreads) {
        this(requestTimeout, connectTimeout, readTimeout, keepAliveTimeout, connectionLimit, sslVerify, reuseStrategy,
                ioThreads, true, false);
    }

    /** The default I/O engine (auto). */
    public HttpTransportSettings(Duration requestTimeout, Duration connectTimeout, Duration readTimeout,
                                 Duration keepAliveTimeout, int connectionLimit, boolean sslVerify,
                                 String reuseStrategy, int ioThreads, boolean httpTrace, boolean keepTraceHeaders) {
        this(requestTimeout, connectTimeout, readTimeout, keepAliveTimeout, connectionLimit, sslVerify, reuseStrategy,
                ioThreads, httpTrace, keepTraceHeaders, IoEngine.AUTO);
    }

    public HttpTransportSettings {
        requirePositive(requestTimeout, "--request-timeout-seconds");
        requirePositive(connectTimeout, "AIPERF_HTTP_CONNECT_TIMEOUT");
        requirePositive(readTimeout, "AIPERF_HTTP_READ_TIMEOUT");
        requirePositive(keepAliveTimeout, "AIPERF_HTTP_KEEPALIVE_TIMEOUT");
        if (connectionLimit < 1) {
            throw new IllegalArgumentException("AIPERF_HTTP_CONNECTION_LIMIT must be at least 1, got " + connectionLimit);
        }
        reuseStrategy = reuseStrategy == null ? POOLED : reuseStrategy.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!reuseStrategy.equals(POOLED) && !reuseStrategy.equals(NEVER) && !reuseStrategy.equals(STICKY)) {
            throw new IllegalArgumentException("Unknown --connection-reuse-strategy '" + reuseStrategy
                    + "'; valid values are pooled, never and sticky-user-sessions");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
        }
        ioEngine = ioEngine == null ? IoEngine.AUTO : ioEngine;
    }

    /** The same settings on another I/O engine. */
    public HttpTransportSettings withIoEngine(IoEngine engine) {
        return new HttpTransportSettings(requestTimeout, connectTimeout, readTimeout, keepAliveTimeout, connectionLimit,
                sslVerify, reuseStrategy, ioThreads, httpTrace, keepTraceHeaders, engine);
    }

    /** Settings from the benchmark configuration and the {@code AIPERF_HTTP_*} environment variables. */
    public static HttpTransportSettings from(BenchmarkConfig config) {
        return from(config, AiperfEnvironment.system().variables());
    }

    static HttpTransportSettings from(BenchmarkConfig config, Map<String, String> environment) {
        Duration request = seconds(config.endpoint().requestTimeoutSeconds(), "--request-timeout-seconds");
        Duration connect = envSeconds(environment, AiperfEnvironment.HTTP_CONNECT_TIMEOUT,
                request.compareTo(Duration.ofSeconds(300)) < 0 ? request : Duration.ofSeconds(300));
        Duration read = envSeconds(environment, AiperfEnvironment.HTTP_READ_TIMEOUT, request);
        Duration keepAlive = envSeconds(environment, AiperfEnvironment.HTTP_KEEPALIVE_TIMEOUT, Duration.ofSeconds(300));
        int limit = envInt(environment, AiperfEnvironment.HTTP_CONNECTION_LIMIT, defaultConnectionLimit(config));
        boolean verify = envBoolean(environment, AiperfEnvironment.HTTP_SSL_VERIFY, true);
        boolean trace = envBoolean(environment, AiperfEnvironment.HTTP_TRACE, true);
        return new HttpTransportSettings(request, connect, read, keepAlive, limit, verify,
                config.endpoint().connectionReuseStrategy(), Runtime.getRuntime().availableProcessors(), trace,
                config.output().exportHttpTrace(), IoEngine.of(config.endpoint().ioEngine()));
    }

    /** The original's 2500, raised to the run's concurrency (warm-up included) when that is higher. */
    static int defaultConnectionLimit(BenchmarkConfig config) {
        int limit = DEFAULT_CONNECTION_LIMIT;
        if (config.load().concurrency() != null) {
            limit = Math.max(limit, config.load().concurrency());
        }
        if (config.load().warmupConcurrency() != null) {
            limit = Math.max(limit, config.load().warmupConcurrency());
        }
        return limit;
    }

    /** A recorder for a request the transport just took at {@code handoffNs}, or null when tracing is off. */
    HttpTraceRecorder traceRecorder(String traceType, long handoffNs) {
        return httpTrace ? new HttpTraceRecorder(traceType, keepTraceHeaders, handoffNs) : null;
    }

    private static Duration seconds(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number of seconds, got " + value);
        }
        return Duration.ofNanos((long) Math.min(value * 1e9, Long.MAX_VALUE / 2.0));
    }

    private static Duration envSeconds(Map<String, String> environment, String name, Duration fallback) {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return seconds(Double.parseDouble(text.strip()), name);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, got '" + text + "'");
        }
    }

    private static int envInt(Map<String, String> environment, String name, int fallback) {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'");
        }
    }

    private static boolean envBoolean(Map<String, String> environment, String name, boolean fallback) {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + text + "'");
        };
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
