package dev.aiperf.timing;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.ArrivalPatternContext;

import java.util.random.RandomGenerator;

/**
 * Arrival pattern {@code gamma}: intervals from Gamma(shape = s, scale = 1/(rate·s)), so the mean
 * stays {@code 1/rate} while the smoothness {@code s} sets the spread: s &lt; 1 is burstier than
 * Poisson, s &gt; 1 smoother, s = 1 is Poisson (spec §2.6; the same parameterisation as vLLM's
 * {@code --burstiness}). Samples use Marsaglia and Tsang's method on the random stream
 * {@code timing.request.gamma_interval}.
 */
public final class GammaArrivalPattern implements ArrivalPattern {
    static final String STREAM = "timing.request.gamma_interval";

    private final RandomGenerator random;
    private final double shape;
    private double rate;

    public GammaArrivalPattern(ArrivalPatternContext context) {
        this(RateConfig.requireRate(context.config(), "gamma"), smoothness(context.config()),
                context.random().stream(STREAM));
    }

    private static double smoothness(BenchmarkConfig config) {
        return config.load().arrivalSmoothness() == null ? 1.0 : config.load().arrivalSmoothness();
    }

    public GammaArrivalPattern(double requestsPerSecond, double smoothness, RandomGenerator random) {
        if (!(smoothness > 0) || Double.isInfinite(smoothness)) {
            throw new IllegalArgumentException("--arrival-smoothness must be positive and finite, got " + smoothness);
        }
        this.rate = RateConfig.checkRate(requestsPerSecond);
        this.shape = smoothness;
        this.random = random;
    }

    @Override
    public double nextIntervalSeconds() {
        return sampleGamma(shape) / (rate * shape);
    }

    @Override
    public void setRate(double requestsPerSecond) {
        rate = RateConfig.checkRate(requestsPerSecond);
    }

    /** A Gamma(k, 1) sample; shapes below 1 use the boost {@code G(k+1)·U^(1/k)}. */
    private double sampleGamma(double k) {
        if (k < 1) {
            double u = 1.0 - random.nextDouble();
            return sampleGamma(k + 1) * Math.pow(u, 1.0 / k);
        }
        double d = k - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
