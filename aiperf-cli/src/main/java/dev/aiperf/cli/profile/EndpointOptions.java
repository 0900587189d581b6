package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options of the "Endpoint" group (spec §1.3): where and how requests are sent. */
public final class EndpointOptions {

    @Option(names = {"--model", "--model-names", "-m"}, arity = "1..*", split = ",", paramLabel = "<model>",
            description = "One or more model names (required unless --mock; --mock defaults to mock-model).")
    List<String> models = new ArrayList<>();

    @Option(names = "--model-selection-strategy", paramLabel = "<strategy>",
            description = "How a model is attached to each turn: round_robin, random, or weighted with a weight per"
                    + " model given as --model name:weight, weights summing to 1 (default: round_robin).")
    String modelSelectionStrategy;

    @Option(names = "--endpoint-type", paramLabel = "<type>",
            description = "Endpoint plugin: chat, completions, embeddings, ... (default: chat).")
    String endpointType;

    @Option(names = {"--endpoint", "--custom-endpoint"}, paramLabel = "<path>",
            description = "Path overriding the endpoint type's default path.")
    String customEndpoint;

    @Option(names = "--streaming", description = "Request SSE streaming.")
    boolean streaming;

    @Option(names = {"--url", "-u"}, arity = "1..*", split = ",", paramLabel = "<url>",
            description = "One or more base URLs; http:// is added when there is no scheme (default: localhost:8000).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--url-strategy", paramLabel = "<strategy>",
            description = "Which --url each new session uses: round_robin (default) or a plugin's (registry category"
                    + " url_selection_strategy); a session's turns all go to its URL.")
    String urlStrategy;

    @Option(names = "--request-timeout-seconds", paramLabel = "<s>",
            description = "Total timeout of one request (default: 21600).")
    Double requestTimeoutSeconds;

    @Option(names = "--api-key", paramLabel = "<key>",
            description = "Sends Authorization: Bearer <key>; never written to any artifact.")
    String apiKey;

    @Option(names = {"--transport", "--transport-type"}, paramLabel = "<transport>",
            description = "Transport plugin (default: detected from the URL scheme).")
    String transport;

    @Option(names = "--use-legacy-max-tokens", description = "Chat sends max_tokens instead of max_completion_tokens.")
    boolean useLegacyMaxTokens;

    @Option(names = "--use-server-token-count", description = "Take token counts from the server's usage field.")
    boolean useServerTokenCount;

    @Option(names = "--connection-reuse-strategy", paramLabel = "<strategy>",
            description = "pooled, never or sticky-user-sessions (default: pooled).")
    String connectionReuseStrategy;

    @Option(names = "--preconnect", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Open the pooled connections (one per concurrent request) before the first request, so "
                    + "no measured request pays for connecting; sends nothing (default: on; --no-preconnect).")
    boolean preconnect = true;

    @Option(names = "--io-engine", paramLabel = "auto|nio|epoll|io_uring",
            description = "The client's socket and timer machinery under its event loops (HTTP/1.1 and HTTP/2): epoll"
                    + " (native, Linux x86_64), nio (Java NIO, portable) or io_uring (native, Linux x86_64 with a"
                    + " kernel and container that allow it); auto picks epoll where it loads, else nio (default: auto)."
                    + " See docs/transports.md.")
    String ioEngine;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Endpoint s) {
        s.models = models;
        s.modelSelectionStrategy = modelSelectionStrategy;
        s.endpointType = endpointType;
        s.customEndpoint = customEndpoint;
        s.streaming = streaming;
        s.urls = urls;
        s.urlStrategy = urlStrategy;
        s.requestTimeoutSeconds = requestTimeoutSeconds;
        s.apiKey = apiKey;
        s.transport = transport;
        s.useLegacyMaxTokens = useLegacyMaxTokens;
        s.useServerTokenCount = useServerTokenCount;
        s.connectionReuseStrategy = connectionReuseStrategy;
        s.preconnect = preconnect;
        s.ioEngine = ioEngine;
    }
}
