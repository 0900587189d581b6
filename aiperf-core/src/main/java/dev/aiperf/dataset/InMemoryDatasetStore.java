package dev.aiperf.dataset;

import dev.aiperf.api.dataset.DatasetBackingStore;
import dev.aiperf.api.model.Conversation;

import java.util.List;

/** Keeps every conversation in the heap; safe to read from any thread once stored. */
public final class InMemoryDatasetStore implements DatasetBackingStore {

    private volatile List<Conversation> conversations = List.of();

    public InMemoryDatasetStore() {
    }

    @Override
    public void store(List<Conversation> conversations) {
        this.conversations = List.copyOf(conversations);
    }

    @Override
    public Conversation get(int index) {
        List<Conversation> current = conversations;
        if (index < 0 || index >= current.size()) {
            throw new IndexOutOfBoundsException("Conversation index " + index + " is outside the dataset of "
                    + current.size() + " conversations");
        }
        return current.get(index);
    }

    @Override
    public int size() {
        return conversations.size();
    }
}
