package dev.aiperf.dataset;

import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.api.dataset.SamplerContext;

import java.util.concurrent.atomic.AtomicLong;

/** Dataset order, wrapping to the start (spec §3.10). Thread-safe and lock-free. */
public final class SequentialSampler implements DatasetSampler {

    private final int size;
    private final AtomicLong next = new AtomicLong();

    public SequentialSampler(SamplerContext context) {
        this.size = Samplers.requireNonEmpty(context.datasetSize());
    }

    @Override
    public int nextIndex() {
        return (int) (next.getAndIncrement() % size);
    }
}
