package dev.aiperf.config;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.export.Redaction;
import dev.aiperf.plugin.Plugins;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The "Endpoint" settings (spec §1.3): models, endpoint type, URLs, transport, headers and extra inputs. */
final class EndpointRules {
    /** The model name a run against the embedded mock server gets when none is given. */
    static final String MOCK_MODEL = "mock-model";
    private static final Set<String> MODEL_SELECTION = Set.of("round_robin", "random", "weighted");
    private static final Set<String> CONNECTION_REUSE = Set.of("pooled", "never", "sticky-user-sessions");
    private static final Set<String> IO_ENGINES = Set.of("auto", "nio", "epoll", "io_uring");

    private final ProfileSettings s;
    private final ProblemList problems;

    EndpointRules(ProfileSettings settings, ProblemList problems) {
        this.s = settings;
        this.problems = problems;
    }

    /** The endpoint, or null when a problem leaves no model or no endpoint type. */
    EndpointConfig build(String mockUrl) {
        ProfileSettings.Endpoint e = s.endpoint;
        List<String> models = ProblemList.cleanList(e.models);
        if (models.isEmpty()) {
            if (mockUrl != null) {
                models = List.of(MOCK_MODEL);
            } else {
                problems.add("--model is required (e.g. --model Qwen/Qwen3-0.6B); or add --mock to benchmark"
                        + " the embedded mock server");
            }
        }
        String selection = problems.oneOf("--model-selection-strategy", e.modelSelectionStrategy, "round_robin",
                MODEL_SELECTION);
        List<Double> weights = List.of();
        if ("weighted".equals(selection) && !models.isEmpty()) {
            ModelWeights parsed = ModelWeights.parse(models);
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            }
            models = parsed.names();
            weights = parsed.weights();
        }
        String type = problems.pluginName("--endpoint-type", PluginType.ENDPOINT,
                e.endpointType == null ? "chat" : e.endpointType);
        boolean streaming = e.streaming;
        if (streaming && type != null && !metadata(type).supportsStreaming()) {
            problems.warn("--streaming ignored: endpoint type '" + type + "' does not support streaming");
            streaming = false;
        }
        List<String> urls = ProblemList.cleanList(e.urls);
        if (mockUrl != null) {
            if (!urls.isEmpty()) {
                problems.add("--mock starts its own server: drop --url "
                        + String.join(" ", urls.stream().map(Redaction::url).toList()) + ", or drop --mock");
            }
            urls = List.of(mockUrl);
        } else if (urls.isEmpty()) {
            urls = List.of("localhost:8000");
        } else {
            urls.forEach(this::checkUrl);
        }
        double timeout = problems.positive("--request-timeout-seconds", e.requestTimeoutSeconds, 21_600.0);
        String transport = e.transport == null ? null
                : problems.pluginName("--transport", PluginType.TRANSPORT, e.transport);
        String reuse = problems.oneOf("--connection-reuse-strategy", e.connectionReuseStrategy, "pooled",
                CONNECTION_REUSE);
        String ioEngine = problems.oneOf("--io-engine", e.ioEngine == null ? null
                : e.ioEngine.strip().toLowerCase(Locale.ROOT).replace('-', '_'), "auto", IO_ENGINES);
        List<KeyValue> extras = keyValues("--extra-inputs", s.input.extraInputs);
        List<KeyValue> headers = keyValues("--header", s.input.headers);
        if (models.isEmpty() || type == null) {
            return null;
        }
        return new EndpointConfig(models, selection, type, e.customEndpoint, streaming, urls, timeout, e.apiKey,
                transport, e.useLegacyMaxTokens, e.useServerTokenCount, reuse, extras, headers, e.preconnect, weights,
                ioEngine);
    }

    /** The endpoint's typed metadata from its plugins.yaml entry: the one place the facts are declared. */
    static EndpointMetadata metadata(String endpointType) {
        return Plugins.getType(PluginType.ENDPOINT, endpointType).metadata(EndpointMetadata.class);
    }

    /** A --url must be host[:port] or scheme://host[:port][/path] with a port in 1-65535. */
    private void checkUrl(String url) {
        String shown = "--url '" + Redaction.url(url) + "'";
        String example = "; expected host[:port] or http(s)://host[:port][/path], e.g. localhost:8000";
        URI uri;
        try {
            uri = new URI(url.contains("://") ? url : "http://" + url);
        } catch (URISyntaxException e) {
            problems.add(shown + " is not a valid URL (" + e.getReason() + ")" + example);
            return;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            String authority = uri.getRawAuthority();
            int colon = authority == null ? -1 : authority.lastIndexOf(':');
            String port = colon < 0 ? "" : authority.substring(colon + 1);
            if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
                problems.add(shown + " has port " + port + ", out of range: ports are 1 to 65535");
            } else {
                problems.add(shown + " is not a valid URL: it names no host" + example);
            }
            return;
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            problems.add(shown + " has port " + uri.getPort() + ", out of range: ports are 1 to 65535");
        }
    }

    private List<KeyValue> keyValues(String flag, List<String> tokens) {
        try {
            return KeyValueListParser.parse(flag, tokens == null ? List.of() : tokens);
        } catch (IllegalArgumentException ex) {
            problems.add(ex.getMessage());
            return List.of();
        }
    }
}
