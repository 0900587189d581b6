package dev.aiperf.api.dataset;

/** Category {@code dataset_sampler}: picks the conversation index of the next new session. */
public interface DatasetSampler {

    /** Index into the dataset's conversations, in {@code [0, size)}. */
    int nextIndex();
}
