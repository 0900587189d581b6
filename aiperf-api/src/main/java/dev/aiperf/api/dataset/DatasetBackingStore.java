package dev.aiperf.api.dataset;

import dev.aiperf.api.model.Conversation;

import java.util.List;

/** Category {@code dataset_backing_store}: holds the built conversations for the workers. */
public interface DatasetBackingStore {

    void store(List<Conversation> conversations);

    Conversation get(int index);

    int size();
}
