package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetBackingStore;
import dev.aiperf.api.dataset.DatasetComposer;
import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.dataset.InputsJsonWriter;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds every conversation before the benchmark starts (spec §3.1): a custom loader when a file is
 * given (named by {@code --custom-dataset-type} or detected), else the synthetic composer; stores
 * them, picks the sampler and writes {@code inputs.json}.
 */
final class DatasetStage {
    static final String SYNTHETIC = "synthetic";
    static final String MEMORY_STORE = "memory";

    private DatasetStage() {
    }

    /**
     * The built dataset: where conversations live and which one a new session replays next.
     * The supplier is the scheduler thread's: warm-up and profiling share it (spec §2.10).
     */
    record Dataset(DatasetBackingStore store, Supplier<Conversation> nextConversation, Path inputsFile,
                   String source) {
    }

    static Dataset build(BenchmarkConfig config, Endpoint endpoint, Path artifactDir) throws IOException {
        InputConfig input = config.input();
        boolean custom = input.inputFile() != null;
        String source;
        List<Conversation> conversations;
        if (custom) {
            String type = input.customDatasetType() != null ? input.customDatasetType() : detect(config, input.inputFile());
            CustomDatasetLoader loader = PluginFactory.create(PluginType.CUSTOM_DATASET_LOADER, type, config);
            conversations = loader.load(input.inputFile());
            source = type;
            if (conversations.isEmpty()) {
                throw new InvalidDatasetException("--input-file " + input.inputFile()
                        + " holds no conversations: every line is blank. Give at least one " + type + " entry");
            }
        } else {
            DatasetComposer composer = PluginFactory.create(PluginType.DATASET_COMPOSER, SYNTHETIC, config);
            conversations = composer.compose();
            source = SYNTHETIC;
            if (conversations.isEmpty()) {
                throw new InvalidDatasetException("the synthetic dataset is empty; check --num-dataset-entries");
            }
        }
        DatasetBackingStore store = PluginFactory.create(PluginType.DATASET_BACKING_STORE, MEMORY_STORE, config);
        store.store(conversations);
        String samplerName = input.datasetSamplingStrategy() != null ? input.datasetSamplingStrategy()
                : custom ? "sequential" : "shuffle";
        DatasetSampler sampler = PluginFactory.create(PluginType.DATASET_SAMPLER, samplerName, config, store.size());
        Files.createDirectories(artifactDir);
        Path inputs = artifactDir.resolve(InputsJsonWriter.FILE_NAME);
        new InputsJsonWriter(endpoint).write(conversations, inputs);
        return new Dataset(store, () -> store.get(sampler.nextIndex()), inputs, source);
    }

    /** The one loader that recognises the file (spec §3.5), or an error asking for the type. */
    private static String detect(BenchmarkConfig config, Path file) throws IOException {
        if (Files.isRegularFile(file) && isBlank(file)) {
            throw new InvalidDatasetException("--input-file " + file + " is empty: it has no non-blank line");
        }
        List<String> accepting = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (TypeEntry entry : Plugins.listTypes(PluginType.CUSTOM_DATASET_LOADER)) {
            all.add(entry.name());
            CustomDatasetLoader loader = PluginFactory.instantiate(PluginType.CUSTOM_DATASET_LOADER, entry.name(),
                    entry.load(), new Object[] {config});
            if (loader.canLoad(file)) {
                accepting.add(entry.name());
            }
        }
        if (accepting.size() == 1) {
            return accepting.getFirst();
        }
        if (accepting.isEmpty()) {
            throw new InvalidDatasetException("--input-file " + file + " matches no known dataset format (its first"
                    + " non-blank line is not a valid entry of " + String.join(", ", all)
                    + "); fix the file or give --custom-dataset-type");
        }
        throw new InvalidDatasetException("--input-file " + file + " matches several dataset formats ("
                + String.join(", ", accepting) + "); choose one with --custom-dataset-type");
    }

    private static boolean isBlank(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.allMatch(String::isBlank);
        }
    }
}
