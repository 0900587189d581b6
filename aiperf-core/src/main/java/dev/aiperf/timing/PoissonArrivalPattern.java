package dev.aiperf.timing;

import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.ArrivalPatternContext;

import java.util.random.RandomGenerator;

/**
 * Arrival pattern {@code poisson}: exponential intervals with mean {@code 1/rate}, drawn from the
 * random stream {@code timing.request.poisson_interval} (spec §2.6, §3.11).
 */
public final class PoissonArrivalPattern implements ArrivalPattern {
    static final String STREAM = "timing.request.poisson_interval";

    private final RandomGenerator random;
    private double rate;

    public PoissonArrivalPattern(ArrivalPatternContext context) {
        this(RateConfig.requireRate(context.config(), "poisson"), context.random().stream(STREAM));
    }

    public PoissonArrivalPattern(double requestsPerSecond, RandomGenerator random) {
        this.rate = RateConfig.checkRate(requestsPerSecond);
        this.random = random;
    }

    @Override
    public double nextIntervalSeconds() {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        return -Math.log(1.0 - random.nextDouble()) / rate;
    }

    @Override
    public void setRate(double requestsPerSecond) {
        rate = RateConfig.checkRate(requestsPerSecond);
    }
}
