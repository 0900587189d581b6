package dev.aiperf.dataset;

import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.api.dataset.SamplerContext;

import java.util.random.RandomGenerator;

/** Uniform choice with replacement (spec §3.10, stream {@code dataset.sampler.random}). Thread-safe. */
public final class RandomSampler implements DatasetSampler {

    private final int size;
    private final RandomGenerator random;

    public RandomSampler(SamplerContext context) {
        this.size = Samplers.requireNonEmpty(context.datasetSize());
        this.random = context.random().stream("dataset.sampler.random");
    }

    @Override
    public synchronized int nextIndex() {
        return random.nextInt(size);
    }
}
