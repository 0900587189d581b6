package dev.aiperf.dataset;

import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.api.dataset.SamplerContext;

import java.util.random.RandomGenerator;

/**
 * Every conversation once in a shuffled order, reshuffled on every wrap (spec §3.10, stream
 * {@code dataset.sampler.shuffle}). Thread-safe.
 */
public final class ShuffleSampler implements DatasetSampler {

    private final int[] order;
    private final RandomGenerator random;
    private int position;

    public ShuffleSampler(SamplerContext context) {
        this.order = new int[Samplers.requireNonEmpty(context.datasetSize())];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.random = context.random().stream("dataset.sampler.shuffle");
        shuffle();
    }

    @Override
    public synchronized int nextIndex() {
        if (position == order.length) {
            shuffle();
            position = 0;
        }
        return order[position++];
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
