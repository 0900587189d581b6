package dev.aiperf.api.config;

import java.util.Objects;

/**
 * One control call the client makes to the server outside the benchmark's requests: a {@code POST} of an
 * empty body to {@code path} on every base URL (e.g. vLLM's {@code /reset_prefix_cache}).
 *
 * @param path           path relative to each base URL, starting with {@code /}
 * @param timeoutSeconds how long one call may take before it counts as failed
 */
public record ServerCall(String path, double timeoutSeconds) {
    public ServerCall {
        Objects.requireNonNull(path, "path");
        path = path.startsWith("/") ? path : "/" + path;
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("a server call's timeout must be more than 0 seconds");
        }
    }
}
