package dev.aiperf.api.dataset;

import dev.aiperf.api.model.Conversation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Category {@code custom_dataset_loader}: reads one custom dataset file format into conversations. */
public interface CustomDatasetLoader {

    /** Whether this loader recognises the file (used for type auto-detection). */
    boolean canLoad(Path file) throws IOException;

    /**
     * Why this loader does not recognise the file, in one line that says where ({@code file:line:column} and field),
     * shown when no format matches; null when it does recognise it or cannot say.
     */
    default String rejection(Path file) throws IOException {
        return null;
    }

    /**
     * Reads every conversation of the file, turns finalised (model, max tokens).
     *
     * @throws InvalidDatasetException when the file is missing, empty or has a bad line; the message says where
     */
    List<Conversation> load(Path file) throws IOException;

    /** The sampler used when {@code --dataset-sampling-strategy} is not given (spec §3.10). */
    default String preferredSampler() {
        return "sequential";
    }
}
