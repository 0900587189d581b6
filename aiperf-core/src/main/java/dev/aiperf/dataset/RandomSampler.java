package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.random.RandomStreams;

import java.util.random.RandomGenerator;

/** Uniform choice with replacement (spec §3.10, stream {@code dataset.sampler.random}). Thread-safe. */
public final class RandomSampler implements DatasetSampler {

    private final int size;
    private final RandomGenerator random;

    public RandomSampler(BenchmarkConfig config, int datasetSize) {
        this.size = Samplers.requireNonEmpty(datasetSize);
        this.random = RandomStreams.forStream(config.input().randomSeed(), "dataset.sampler.random");
    }

    @Override
    public synchronized int nextIndex() {
        return random.nextInt(size);
    }
}
