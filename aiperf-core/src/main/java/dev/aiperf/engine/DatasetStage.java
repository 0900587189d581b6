package dev.aiperf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.dataset.CacheBust;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetBackingStore;
import dev.aiperf.api.dataset.DatasetComposer;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.dataset.PublicDatasetLoader;
import dev.aiperf.api.dataset.SamplerContext;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.random.RandomStreams;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.dataset.DatasetLine;
import dev.aiperf.dataset.InputsJsonWriter;
import dev.aiperf.dataset.JsonLinesFile;
import dev.aiperf.plugin.TypeEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds every conversation before the benchmark starts (spec §3.1): the public dataset loader named by
 * {@code --public-dataset}, else a custom loader when a file is given (named by
 * {@code --custom-dataset-type} or detected), else the synthetic composer; stores
 * them, picks the sampler and writes {@code inputs.json}.
 */
final class DatasetStage {
    static final String SYNTHETIC = "synthetic";
    static final String SYNTHETIC_RANKINGS = "synthetic_rankings";
    static final String MEMORY_STORE = "memory";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetStage() {
    }

    /**
     * The built dataset: where conversations live and which one a new session replays next.
     * The supplier is the scheduler thread's: warm-up and profiling share it (spec §2.10).
     */
    record Dataset(DatasetBackingStore store, List<Conversation> conversations, Supplier<Conversation> nextConversation,
                   Path inputsFile, String source) {
    }

    static Dataset build(BenchmarkConfig config, Endpoint endpoint, PluginFactory plugins, Tokenizer tokenizer,
                         RandomStreams random, Path artifactDir) throws IOException {
        InputConfig input = config.input();
        DatasetContext context = new DatasetContext(config, tokenizer, random, plugins.registry());
        boolean custom = input.inputFile() != null;
        String source;
        String preferredSampler;
        List<Conversation> conversations;
        if (input.publicDataset() != null) {
            PublicDatasetLoader loader = plugins.create(PluginType.PUBLIC_DATASET_LOADER, input.publicDataset(),
                    DatasetContext.class, context);
            conversations = loader.load(input.inputFile());
            source = input.publicDataset();
            preferredSampler = loader.preferredSampler();
        } else if (custom) {
            String type = input.customDatasetType() != null ? input.customDatasetType()
                    : detect(plugins, context, input.inputFile());
            CustomDatasetLoader loader = plugins.create(PluginType.CUSTOM_DATASET_LOADER, type, DatasetContext.class,
                    context);
            conversations = loader.load(input.inputFile());
            source = type;
            preferredSampler = loader.preferredSampler();
            if (conversations.isEmpty()) {
                throw new InvalidDatasetException("--input-file " + input.inputFile()
                        + " holds no conversations: every line is blank. Give at least one " + type + " entry");
            }
        } else {
            // rankings endpoints send a query and its passages: their own synthetic data (spec §3.1)
            String composerName = isRankings(config.endpoint().type()) ? SYNTHETIC_RANKINGS : SYNTHETIC;
            DatasetComposer composer = plugins.create(PluginType.DATASET_COMPOSER, composerName, DatasetContext.class,
                    context);
            conversations = composer.compose();
            source = composerName;
            preferredSampler = composer.preferredSampler();
            if (conversations.isEmpty()) {
                throw new InvalidDatasetException("the synthetic dataset is empty; check --num-dataset-entries");
            }
        }
        conversations = CacheBust.apply(input.cacheBust(), conversations);
        DatasetBackingStore store = plugins.create(PluginType.DATASET_BACKING_STORE, MEMORY_STORE,
                DatasetContext.class, context);
        store.store(conversations);
        String samplerName = input.datasetSamplingStrategy() != null ? input.datasetSamplingStrategy()
                : preferredSampler;
        DatasetSampler sampler = plugins.create(PluginType.DATASET_SAMPLER, samplerName, SamplerContext.class,
                new SamplerContext(config, store.size(), random));
        Files.createDirectories(artifactDir);
        Path inputs = artifactDir.resolve(InputsJsonWriter.FILE_NAME);
        new InputsJsonWriter(endpoint).write(conversations, inputs);
        return new Dataset(store, List.copyOf(conversations), () -> store.get(sampler.nextIndex()), inputs, source);
    }

    /** A {@code *rankings} endpoint type, as the original tells them apart. */
    static boolean isRankings(String endpointType) {
        return endpointType != null && endpointType.endsWith("rankings");
    }

    /**
     * The loader of the file (spec §3.5): the one named by the first line's {@code "type"} when it names a
     * registered loader, else the one loader that accepts the first line (or, for a directory, the directory), else
     * an error listing the candidates.
     */
    private static String detect(PluginFactory plugins, DatasetContext context, Path file) throws IOException {
        List<String> all = new ArrayList<>();
        for (TypeEntry entry : plugins.registry().listTypes(PluginType.CUSTOM_DATASET_LOADER)) {
            all.add(entry.name());
        }
        if (Files.isRegularFile(file)) {
            DatasetLine first = JsonLinesFile.first(file);
            if (first == null) {
                throw new InvalidDatasetException("--input-file " + file + " is empty: it has no non-blank line");
            }
            String named = declaredType(first);
            if (named != null && all.contains(named)) {
                return named;
            }
        }
        List<String> accepting = new ArrayList<>();
        StringBuilder rejections = new StringBuilder();
        for (TypeEntry entry : plugins.registry().listTypes(PluginType.CUSTOM_DATASET_LOADER)) {
            CustomDatasetLoader loader = plugins.create(PluginType.CUSTOM_DATASET_LOADER, entry, DatasetContext.class,
                    context);
            if (loader.canLoad(file)) {
                accepting.add(entry.name());
            } else {
                String why = loader.rejection(file);
                rejections.append("\n  ").append(entry.name()).append(": ").append(why == null ? "not recognised" : why);
            }
        }
        if (accepting.size() == 1) {
            return accepting.getFirst();
        }
        String what = Files.isDirectory(file) ? "directory" : "first non-blank line";
        if (accepting.isEmpty()) {
            throw new InvalidDatasetException("--input-file " + file + " matches no known dataset format (" + what
                    + " checked against " + String.join(", ", all) + "):" + rejections
                    + "\nFix the file, or name its format with --custom-dataset-type");
        }
        throw new InvalidDatasetException("--input-file " + file + " matches several dataset formats ("
                + String.join(", ", accepting) + "); choose one with --custom-dataset-type");
    }

    /** The first line's {@code "type"} string, or null when it has none or is not a JSON object. */
    private static String declaredType(DatasetLine first) {
        try {
            JsonNode type = JSON.readTree(first.text()).get("type");
            return type != null && type.isTextual() ? type.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
