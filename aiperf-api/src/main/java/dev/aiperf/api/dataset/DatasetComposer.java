package dev.aiperf.api.dataset;

import dev.aiperf.api.model.Conversation;

import java.util.List;

/** Category {@code dataset_composer}: builds every conversation before the benchmark starts. */
public interface DatasetComposer {

    List<Conversation> compose();
}
