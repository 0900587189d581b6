package dev.aiperf.cli.profile;

import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.readiness.ReadinessMode;
import dev.aiperf.readiness.ReadinessSettings;
import picocli.CommandLine.Option;

/** Upstream's {@code --wait-for-model-*} options (Endpoint group, §3.1): wait until the server serves the model. */
public final class ServerReadinessOptions {

    @Option(names = "--wait-for-model-timeout", paramLabel = "<s>",
            description = "Wait up to this many seconds for the model to be served before starting (default: 0,"
                    + " no wait).")
    Double timeout;

    @Option(names = "--wait-for-model-mode", paramLabel = "<mode>",
            description = "Readiness probe: models (GET /v1/models), inference (one one-token request) or both"
                    + " (default: inference).")
    String mode;

    @Option(names = "--wait-for-model-interval", paramLabel = "<s>",
            description = "Seconds between readiness probes (default: 5).")
    Double interval;

    /** The settings these options give, or a {@link UsageException} naming the bad one. */
    ReadinessSettings settings() {
        try {
            return new ReadinessSettings(timeout == null ? 0 : timeout,
                    mode == null ? ReadinessMode.INFERENCE : ReadinessMode.of(mode), interval == null ? 5 : interval);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
