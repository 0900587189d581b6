package dev.aiperf.metrics;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.record.MetricFlag;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which metrics a run computes: a metric is active when it has none of the flags this run's
 * endpoint and configuration disallow (metrics spec §1.3 "Applicability").
 *
 * @param disallowed each disallowed flag with the reason, for error messages
 */
public record MetricApplicability(Map<MetricFlag, String> disallowed) {
    public MetricApplicability {
        disallowed = disallowed.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(disallowed));
    }

    public static MetricApplicability of(BenchmarkConfig config, EndpointMetadata endpoint, MetricsEnvironment environment) {
        Map<MetricFlag, String> disallowed = new EnumMap<>(MetricFlag.class);
        if (!config.endpoint().streaming() || !endpoint.supportsStreaming()) {
            disallowed.put(MetricFlag.STREAMING_ONLY, "needs --streaming");
        }
        if (!endpoint.producesTokens()) {
            disallowed.put(MetricFlag.PRODUCES_TOKENS_ONLY, "the endpoint does not produce tokens");
        }
        if (!endpoint.tokenizesInput()) {
            disallowed.put(MetricFlag.TOKENIZES_INPUT_ONLY, "the endpoint does not tokenize its input");
        }
        if (!endpoint.supportsAudio()) {
            disallowed.put(MetricFlag.SUPPORTS_AUDIO_ONLY, "the endpoint does not accept audio");
        }
        if (!endpoint.supportsImages() && !endpoint.producesImages()) {
            // the image metrics count input images, or generated ones for an endpoint that makes images
            disallowed.put(MetricFlag.SUPPORTS_IMAGE_ONLY, "the endpoint neither accepts nor produces images");
        }
        if (!endpoint.supportsVideos()) {
            disallowed.put(MetricFlag.SUPPORTS_VIDEO_ONLY, "the endpoint does not accept video");
        }
        if (!endpoint.producesVideos()) {
            disallowed.put(MetricFlag.PRODUCES_VIDEO_ONLY, "the endpoint does not produce video");
        }
        // there is no HTTP trace capture yet, so trace metrics would never have a value
        disallowed.put(MetricFlag.HTTP_TRACE_ONLY, "HTTP trace capture is not available");
        if (!environment.devMode()) {
            disallowed.put(MetricFlag.EXPERIMENTAL, "experimental metrics need AIPERF_DEV_MODE=1");
        }
        if (config.output().goodput().isEmpty()) {
            disallowed.put(MetricFlag.GOODPUT, "needs --goodput");
        }
        if (config.endpoint().useServerTokenCount()) {
            disallowed.put(MetricFlag.USAGE_DIFF_ONLY, "token counts come from the server (--use-server-token-count)");
        }
        return new MetricApplicability(disallowed);
    }

    public boolean isActive(MetricDefinition definition) {
        return Collections.disjoint(definition.flags(), disallowed.keySet());
    }

    /** Why a metric is not active, e.g. {@code needs --streaming}; empty when it is. */
    public String whyInactive(MetricDefinition definition) {
        return definition.flags().stream().filter(disallowed::containsKey).map(disallowed::get)
                .findFirst().orElse("");
    }

    public Set<MetricFlag> disallowedFlags() {
        return disallowed.keySet();
    }
}
