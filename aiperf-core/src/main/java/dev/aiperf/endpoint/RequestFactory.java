package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.transport.TransportRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RequestInfo} into the bytes and headers the transport sends: the URL (spec §4.1),
 * the merged headers (§4.2) and the endpoint's payload serialised once. Thread-safe.
 */
public final class RequestFactory {

    private final Endpoint endpoint;
    private final List<URI> urls;
    private final RequestHeaders headers;

    /** @param metadata the endpoint's metadata from its plugins.yaml entry (path, streaming support) */
    public RequestFactory(BenchmarkConfig config, Endpoint endpoint, EndpointMetadata metadata) {
        EndpointConfig endpointConfig = config.endpoint();
        this.endpoint = endpoint;
        boolean streaming = endpointConfig.streaming() && metadata.supportsStreaming();
        String path = endpointConfig.customEndpoint() != null ? endpointConfig.customEndpoint()
                : streaming && metadata.streamingPath() != null ? metadata.streamingPath() : metadata.endpointPath();
        List<String> bases = endpointConfig.urls().isEmpty() ? List.of("localhost:8000") : endpointConfig.urls();
        this.urls = bases.stream().map(base -> buildUrl(base, path)).toList();
        this.headers = new RequestHeaders("aiperf/" + version(), userHeaders(endpointConfig),
                streaming ? "text/event-stream" : "application/json");
    }

    /**
     * The full URL for a base URL and an endpoint path: trailing slashes dropped, {@code http://}
     * added when no scheme is given, a doubled {@code v1/} removed; a null path means the base as is.
     *
     * @throws IllegalArgumentException naming the flag when the result is not a valid URL
     */
    public static URI buildUrl(String baseUrl, String path) {
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.contains("://")) {
            base = "http://" + base;
        }
        String url = base;
        if (path != null && !path.isEmpty()) {
            String relative = path.replaceFirst("^/+", "");
            if (base.endsWith("/v1") && relative.startsWith("v1/")) {
                relative = relative.substring(3);
            }
            url = base + "/" + relative;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid --url '" + baseUrl + "' (with path '" + path + "'): "
                    + e.getMessage() + ". Expected e.g. http://localhost:8000", e);
        }
    }

    /** The URL of the configured base URL at {@code urlIndex}, wrapping around. */
    public URI url(int urlIndex) {
        return urls.get(Math.floorMod(urlIndex, urls.size()));
    }

    /**
     * Builds the exchange for one request.
     *
     * @throws IllegalArgumentException when the endpoint cannot format this request (e.g. a
     *                                  multi-turn history on the completions endpoint)
     */
    public TransportRequest create(RequestInfo requestInfo, long intendedSendPerfNs) {
        ObjectNode payload = endpoint.formatPayload(requestInfo);
        byte[] body = PayloadBytes.of(payload, EndpointOptions.MAPPER);
        String model = payload.path("model").isTextual() ? payload.get("model").asText() : null;
        return new TransportRequest(url(requestInfo.urlIndex()),
                headers.of(requestInfo.xRequestId(), requestInfo.xCorrelationId()), body, requestInfo, model,
                intendedSendPerfNs);
    }

    /** {@code --header} pairs then the bearer token: they win over the generated headers above. */
    private static List<Map.Entry<String, String>> userHeaders(EndpointConfig config) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (KeyValue pair : config.headers()) {
            headers.add(Map.entry(pair.key(), pair.value() == null ? "" : String.valueOf(pair.value())));
        }
        if (config.apiKey() != null && !config.apiKey().isEmpty()) {
            headers.add(Map.entry("Authorization", "Bearer " + config.apiKey()));
        }
        return Collections.unmodifiableList(headers);
    }

    /** The version in the jar manifest, {@code dev} when running from classes. */
    static String version() {
        String version = RequestFactory.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
