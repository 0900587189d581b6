package dev.aiperf.timing;

import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.ArrivalPatternContext;

/** Arrival pattern {@code constant}: every interval is exactly {@code 1/rate} (spec §2.6). */
public final class ConstantArrivalPattern implements ArrivalPattern {
    private double rate;

    public ConstantArrivalPattern(ArrivalPatternContext context) {
        this(RateConfig.requireRate(context.config(), "constant"));
    }

    public ConstantArrivalPattern(double requestsPerSecond) {
        this.rate = RateConfig.checkRate(requestsPerSecond);
    }

    @Override
    public double nextIntervalSeconds() {
        return 1.0 / rate;
    }

    @Override
    public void setRate(double requestsPerSecond) {
        rate = RateConfig.checkRate(requestsPerSecond);
    }
}
