package dev.aiperf.api.dataset;

import dev.aiperf.api.model.Conversation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Category {@code public_dataset_loader}: reads a well-known public dataset ({@code --public-dataset},
 * e.g. {@code sharegpt}) from a local copy given with {@code --input-file}. Nothing is downloaded at
 * run time. Built from a {@link DatasetContext}, like the custom loaders.
 */
public interface PublicDatasetLoader {

    /**
     * Reads, filters and converts the dataset; turns carry their model and max tokens.
     *
     * @throws InvalidDatasetException when the file is missing or not in the dataset's layout; the message says where
     */
    List<Conversation> load(Path file) throws IOException;

    /** The sampler used when {@code --dataset-sampling-strategy} is not given (spec §3.10). */
    default String preferredSampler() {
        return "sequential";
    }
}
