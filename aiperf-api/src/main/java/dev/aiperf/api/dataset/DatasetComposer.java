package dev.aiperf.api.dataset;

import dev.aiperf.api.model.Conversation;

import java.util.List;

/** Category {@code dataset_composer}: builds every conversation before the benchmark starts. */
public interface DatasetComposer {

    List<Conversation> compose();

    /** The sampler used when {@code --dataset-sampling-strategy} is not given (spec §3.10). */
    default String preferredSampler() {
        return "shuffle";
    }
}
