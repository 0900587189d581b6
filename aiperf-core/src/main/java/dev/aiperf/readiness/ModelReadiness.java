package dev.aiperf.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.transport.TransportRequest;
import dev.aiperf.endpoint.RequestFactory;
import dev.aiperf.engine.PluginFactory;
import dev.aiperf.export.Redaction;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Waits until every {@code --url} serves the model (upstream's {@code --wait-for-model-*}): probes each
 * URL every interval until all answer or the timeout passes, then fails with the last answer of the URL
 * that was not ready. The inference probe is the run's own endpoint payload for a one-token turn, so it
 * exercises the same path, headers and API key as the benchmark.
 *
 * <p>Probes use the JDK's HTTP client (HTTP/1.1, cleartext or TLS with the JDK's trust store): they are
 * a few requests before the run, where Netty's timing precision buys nothing.
 */
public final class ModelReadiness {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest a single probe may take, so a server that accepts and hangs is probed again. */
    private static final double MAX_PROBE_SECONDS = 30;

    private final BenchmarkConfig config;
    private final ReadinessSettings settings;
    private final Consumer<String> progress;
    private final HttpClient client;
    private final RequestFactory requests;

    private ModelReadiness(BenchmarkConfig config, ReadinessSettings settings, Consumer<String> progress) {
        this.config = config;
        this.settings = settings;
        this.progress = progress;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(probeMillis(settings))).build();
        this.requests = settings.mode() == ReadinessMode.MODELS ? null : requestFactory(config);
    }

    /**
     * Returns once every URL is ready; does nothing when the wait is off.
     *
     * @param progress receives one line per round of probes that found a URL not ready
     * @throws IOException naming the URL, the mode, the timeout and the last answer when time runs out
     */
    public static void await(BenchmarkConfig config, ReadinessSettings settings, Consumer<String> progress)
            throws IOException {
        if (!settings.enabled()) {
            return;
        }
        new ModelReadiness(config, settings, progress).run();
    }

    private void run() throws IOException {
        long start = System.nanoTime();
        long deadline = start + (long) (settings.timeoutSeconds() * 1e9);
        List<String> bases = config.endpoint().urls().isEmpty() ? List.of("localhost:8000") : config.endpoint().urls();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            waiting.add(i);
        }
        String lastProblem = null;
        int lastUrl = 0;
        for (int attempt = 1; ; attempt++) {
            List<Integer> still = new ArrayList<>();
            for (int index : waiting) {
                String problem = probe(bases.get(index), index);
                if (problem != null) {
                    still.add(index);
                    lastProblem = problem;
                    lastUrl = index;
                }
            }
            waiting = still;
            if (waiting.isEmpty()) {
                if (attempt > 1) {
                    progress.accept("model ready after " + seconds(System.nanoTime() - start) + " s");
                }
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("the model was not ready at " + Redaction.url(bases.get(lastUrl)) + " after "
                        + seconds(System.nanoTime() - start) + " s (--wait-for-model-timeout "
                        + settings.timeoutSeconds() + ", --wait-for-model-mode " + settings.mode() + "): "
                        + lastProblem);
            }
            progress.accept("waiting for the model at " + Redaction.url(bases.get(lastUrl)) + " (" + settings.mode()
                    + " probe " + attempt + "): " + lastProblem);
            sleep(Math.min(left, (long) (settings.intervalSeconds() * 1e9)));
        }
    }

    /** Null when ready, else what was wrong. */
    private String probe(String base, int urlIndex) {
        try {
            if (settings.mode() != ReadinessMode.INFERENCE) {
                String problem = probeModels(base);
                if (problem != null || settings.mode() == ReadinessMode.MODELS) {
                    return problem;
                }
            }
            return probeInference(urlIndex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String probeModels(String base) throws InterruptedException {
        URI url = jdkUri(RequestFactory.buildUrl(base, "v1/models"));
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(Duration.ofMillis(probeMillis(settings)));
        if (config.endpoint().apiKey() != null) {
            request.header("Authorization", "Bearer " + config.endpoint().apiKey());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return describe(e);
        }
        if (response.statusCode() != 200) {
            return "GET /v1/models answered HTTP " + response.statusCode();
        }
        List<String> served = servedModels(response.body());
        List<String> missing = config.endpoint().models().stream().filter(m -> !served.isEmpty() && !served.contains(m))
                .toList();
        return missing.isEmpty() ? null : "GET /v1/models does not list " + missing + " (it lists " + served + ")";
    }

    private String probeInference(int urlIndex) throws InterruptedException {
        Turn turn = Turn.ofText("Hello", 1);
        String id = UUID.randomUUID().toString();
        RequestInfo info = new RequestInfo(new Conversation("readiness-probe", List.of(turn), null, null),
                List.of(turn), 0, 0, CreditPhase.WARMUP, id, id, urlIndex);
        TransportRequest built = requests.create(info, System.nanoTime());
        HttpRequest.Builder request = HttpRequest.newBuilder(jdkUri(built.url()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(built.body()))
                .timeout(Duration.ofMillis(probeMillis(settings)));
        for (Map.Entry<String, String> header : built.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                request.header(header.getKey(), header.getValue());
            }
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null
                    : "a one-token request to " + built.url().getPath() + " answered HTTP " + status;
        } catch (IOException e) {
            return describe(e);
        }
    }

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "host",
            "expect", "upgrade");

    private static List<String> servedModels(String body) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode data = JSON.readTree(body).path("data");
            data.forEach(m -> {
                if (m.hasNonNull("id")) {
                    ids.add(m.get("id").asText());
                }
            });
        } catch (IOException notJson) {
            // A 200 that is not the OpenAI list: the server answers, which is all the original checks then.
        }
        return ids;
    }

    private static RequestFactory requestFactory(BenchmarkConfig config) {
        PluginRegistry registry = Plugins.registry();
        TypeEntry entry = registry.getType(PluginType.ENDPOINT, config.endpoint().type());
        EndpointMetadata metadata = entry.metadata(EndpointMetadata.class);
        Endpoint endpoint = new PluginFactory(registry).create(PluginType.ENDPOINT, entry, EndpointContext.class,
                new EndpointContext(config, metadata));
        return new RequestFactory(config, endpoint, metadata);
    }

    /** The JDK client knows http and https only: h2c/h2 URLs are probed over HTTP/1.1 on the same host and port. */
    private static URI jdkUri(URI uri) {
        String scheme = uri.getScheme();
        if ("h2c".equals(scheme) || "h2".equals(scheme)) {
            return URI.create(("h2c".equals(scheme) ? "http" : "https") + uri.toString().substring(scheme.length()));
        }
        return uri;
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long probeMillis(ReadinessSettings settings) {
        double seconds = Math.min(MAX_PROBE_SECONDS, Math.max(1, Math.min(settings.timeoutSeconds(),
                settings.intervalSeconds() * 2)));
        return (long) (seconds * 1000);
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static void sleep(long nanos) {
        java.util.concurrent.locks.LockSupport.parkNanos(nanos);
    }
}
