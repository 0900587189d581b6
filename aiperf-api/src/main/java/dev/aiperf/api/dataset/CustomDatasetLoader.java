package dev.aiperf.api.dataset;

import dev.aiperf.api.model.Conversation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Category {@code custom_dataset_loader}: reads one custom dataset file format into conversations. */
public interface CustomDatasetLoader {

    /** Whether this loader recognises the file (used for type auto-detection). */
    boolean canLoad(Path file) throws IOException;

    List<Conversation> load(Path file) throws IOException;
}
