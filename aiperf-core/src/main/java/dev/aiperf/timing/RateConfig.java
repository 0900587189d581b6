package dev.aiperf.timing;

import dev.aiperf.api.config.BenchmarkConfig;

/** Reads and checks the rate an arrival pattern was configured with. */
final class RateConfig {

    private RateConfig() {
    }

    /** The phase's request rate; a pattern that needs one cannot be built without it. */
    static double requireRate(BenchmarkConfig config, String pattern) {
        Double rate = config.load().requestRate();
        if (rate == null || !(rate > 0) || rate.isInfinite()) {
            throw new IllegalArgumentException("arrival pattern '" + pattern
                    + "' needs a positive finite --request-rate (got " + rate + ")");
        }
        return rate;
    }

    static double checkRate(double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("request rate must be positive and finite, got " + requestsPerSecond);
        }
        return requestsPerSecond;
    }
}
