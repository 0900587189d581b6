package dev.aiperf.api.config;

import java.util.List;

/**
 * Where and how requests are sent (spec §1.3 "Endpoint").
 *
 * @param models                  one or more model names
 * @param modelSelectionStrategy  {@code round_robin}, {@code random} or {@code weighted}
 * @param type                    endpoint plugin name, e.g. {@code chat}
 * @param customEndpoint          path overriding the endpoint's default, or null
 * @param streaming               request SSE streaming
 * @param urls                    base URLs
 * @param requestTimeoutSeconds   total timeout per request
 * @param apiKey                  bearer token, or null; never written to any artifact or log
 * @param transport               transport plugin name, or null to detect from the URL scheme
 * @param useLegacyMaxTokens      chat writes {@code max_tokens} instead of {@code max_completion_tokens}
 * @param useServerTokenCount     take token counts from the server's {@code usage}
 * @param connectionReuseStrategy {@code pooled}, {@code never} or {@code sticky-user-sessions}
 * @param extraInputs             fields merged last into every payload
 * @param headers                 extra HTTP headers
 * @param preconnect              open the connections the run will use (one per concurrent request, per URL)
 *                                before the first request, so no measured request pays for connecting; only
 *                                the {@code pooled} strategy keeps connections, the others open none
 * @param modelWeights            with {@code weighted}: one weight per model, in the same order, summing to 1;
 *                                else empty
 * @param ioEngine                the client's event-loop engine ({@code --io-engine}): {@code auto}, {@code nio},
 *                                {@code epoll} or {@code io_uring}; null for {@code auto}
 */
public record EndpointConfig(List<String> models, String modelSelectionStrategy, String type, String customEndpoint,
                             boolean streaming, List<String> urls, double requestTimeoutSeconds, String apiKey,
                             String transport, boolean useLegacyMaxTokens, boolean useServerTokenCount,
                             String connectionReuseStrategy, List<KeyValue> extraInputs, List<KeyValue> headers,
                             boolean preconnect, List<Double> modelWeights, String ioEngine) {
    public EndpointConfig {
        models = List.copyOf(models);
        modelWeights = modelWeights == null ? List.of() : List.copyOf(modelWeights);
        urls = List.copyOf(urls);
        extraInputs = List.copyOf(extraInputs);
        headers = List.copyOf(headers);
    }

    /** With the default I/O engine. */
    public EndpointConfig(List<String> models, String modelSelectionStrategy, String type, String customEndpoint,
                          boolean streaming, List<String> urls, double requestTimeoutSeconds, String apiKey,
                          String transport, boolean useLegacyMaxTokens, boolean useServerTokenCount,
                          String connectionReuseStrategy, List<KeyValue> extraInputs, List<KeyValue> headers,
                          boolean preconnect, List<Double> modelWeights) {
        this(models, modelSelectionStrategy, type, customEndpoint, streaming, urls, requestTimeoutSeconds, apiKey,
                transport, useLegacyMaxTokens, useServerTokenCount, connectionReuseStrategy, extraInputs, headers,
                preconnect, modelWeights, null);
    }

    /** Without model weights. */
    public EndpointConfig(List<String> models, String modelSelectionStrategy, String type, String customEndpoint,
                          boolean streaming, List<String> urls, double requestTimeoutSeconds, String apiKey,
                          String transport, boolean useLegacyMaxTokens, boolean useServerTokenCount,
                          String connectionReuseStrategy, List<KeyValue> extraInputs, List<KeyValue> headers,
                          boolean preconnect) {
        this(models, modelSelectionStrategy, type, customEndpoint, streaming, urls, requestTimeoutSeconds, apiKey,
                transport, useLegacyMaxTokens, useServerTokenCount, connectionReuseStrategy, extraInputs, headers,
                preconnect, List.of());
    }

    /** With {@code preconnect} on, its default. */
    public EndpointConfig(List<String> models, String modelSelectionStrategy, String type, String customEndpoint,
                          boolean streaming, List<String> urls, double requestTimeoutSeconds, String apiKey,
                          String transport, boolean useLegacyMaxTokens, boolean useServerTokenCount,
                          String connectionReuseStrategy, List<KeyValue> extraInputs, List<KeyValue> headers) {
        this(models, modelSelectionStrategy, type, customEndpoint, streaming, urls, requestTimeoutSeconds, apiKey,
                transport, useLegacyMaxTokens, useServerTokenCount, connectionReuseStrategy, extraInputs, headers, true);
    }

    /** The same configuration sent to these base URLs (every other setting kept, model weights included). */
    public EndpointConfig withUrls(List<String> newUrls) {
        return new EndpointConfig(models, modelSelectionStrategy, type, customEndpoint, streaming, newUrls,
                requestTimeoutSeconds, apiKey, transport, useLegacyMaxTokens, useServerTokenCount,
                connectionReuseStrategy, extraInputs, headers, preconnect, modelWeights, ioEngine);
    }

    @Override
    public String toString() {
        // The API key must never reach a log line through toString().
        return "EndpointConfig[models=" + models + ", type=" + type + ", urls=" + urls + ", streaming=" + streaming
                + ", apiKey=" + (apiKey == null ? "null" : "<redacted>") + "]";
    }
}
