package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.random.RandomStreams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The {@code random_pool} format (spec §3.4): a file (one pool) or a directory (each regular file a pool, in sorted
 * name order) of single_turn-shaped lines without timing or role ({@link TurnFields}). It builds
 * {@code --num-sessions} (default 100) one-turn conversations. With a text batch size of 1 ({@code
 * --prompt-batch-size}), conversation i merges one entry drawn with replacement from every pool; otherwise the
 * texts of every pool are flattened into one list and each conversation draws that many from it. Plain strings
 * take their pool file's stem as their name; {@code {"name", "contents"}} batches keep theirs.
 */
public final class RandomPoolDatasetLoader implements CustomDatasetLoader {

    static final String TYPE = "random_pool";
    static final String EXAMPLE = "{\"texts\": [{\"name\": \"query\", \"contents\": [\"Who are you?\"]}]}";
    static final int DEFAULT_CONVERSATIONS = 100;
    private static final Set<String> FIELDS = SingleTurnDatasetLoader.plus(TurnFields.CONTENT, "type");

    private final BenchmarkConfig config;

    public RandomPoolDatasetLoader(DatasetContext context) {
        this.config = context.config();
    }

    /**
     * A directory with at least one pool file whose first line is valid, or a file whose first line says
     * {@code "type": "random_pool"}: plain single_turn-looking files are left to single_turn, as in the original.
     */
    @Override
    public boolean canLoad(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            for (Path file : poolFiles(path)) {
                if (DatasetFiles.firstLineParses(file, RandomPoolDatasetLoader::parse)) {
                    return true;
                }
            }
            return false;
        }
        return DatasetFiles.firstLineParses(path, line -> {
            if (!TYPE.equals(line.object(EXAMPLE).path("type").asText())) {
                throw line.error("", "no \"type\": \"" + TYPE + "\"");
            }
            parse(line);
        });
    }

    @Override
    public String rejection(Path path) throws IOException {
        if (canLoad(path)) {
            return null;
        }
        return Files.isDirectory(path) ? "no file in " + path + " starts with a valid " + TYPE + " line such as "
                + EXAMPLE : "a file is read as " + TYPE + " only when its first line says \"type\": \"" + TYPE
                + "\" (or give a directory of pool files)";
    }

    @Override
    public String preferredSampler() {
        return "shuffle";
    }

    @Override
    public List<Conversation> load(Path path) throws IOException {
        List<Pool> pools = new ArrayList<>();
        if (Files.isDirectory(path)) {
            for (Path file : poolFiles(path)) {
                pools.add(pool(file));
            }
            if (pools.isEmpty()) {
                throw new InvalidDatasetException("Input directory " + path + " holds no pool files: the " + TYPE
                        + " format reads every regular file in it, each of lines such as " + EXAMPLE);
            }
        } else {
            if (!Files.exists(path)) {
                throw new InvalidDatasetException("Input file " + path + " does not exist (--input-file)");
            }
            pools.add(pool(path));
        }
        Integer sessions = config.load().numSessions();
        int count = sessions != null ? sessions : DEFAULT_CONVERSATIONS;
        int batch = config.input().promptBatchSize();
        RandomGenerator random = RandomStreams.forStream(config.input().randomSeed(), "dataset.loader.random_pool");
        TurnFinalizer finalizer = new TurnFinalizer(config);
        SessionIds ids = new SessionIds(config.input().randomSeed());
        List<Conversation> conversations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Turn turn = batch == 1 ? oneFromEachPool(pools, random) : drawFlattened(pools, batch, random);
            conversations.add(new Conversation(ids.next(), List.of(finalizer.finalizeTurn(turn, null)), null, null));
        }
        return conversations;
    }

    /** One pool: its entries, their unnamed texts named after the file's stem. */
    private record Pool(List<Turn> entries) {
    }

    private static Pool pool(Path file) throws IOException {
        String stem = stem(file);
        List<Turn> entries = new ArrayList<>();
        for (DatasetLine line : DatasetFiles.lines(file, TYPE, EXAMPLE)) {
            Turn turn = parse(line);
            List<Turn.Text> named = turn.texts().stream()
                    .map(t -> t.name().isEmpty() ? new Turn.Text(stem, t.contents()) : t).toList();
            entries.add(new Turn(null, null, null, null, turn.maxTokens(), named));
        }
        return new Pool(entries);
    }

    private static Turn oneFromEachPool(List<Pool> pools, RandomGenerator random) {
        List<Turn.Text> texts = new ArrayList<>();
        Integer maxTokens = null;
        for (Pool pool : pools) {
            Turn drawn = pool.entries().get(random.nextInt(pool.entries().size()));
            texts.addAll(drawn.texts());
            maxTokens = maxTokens != null ? maxTokens : drawn.maxTokens();
        }
        return new Turn(null, null, null, null, maxTokens, texts);
    }

    /** {@code batch} text contents drawn with replacement from every pool's texts together, grouped by name. */
    private static Turn drawFlattened(List<Pool> pools, int batch, RandomGenerator random) {
        record Named(String name, String content) {
        }
        List<Named> all = new ArrayList<>();
        for (Pool pool : pools) {
            for (Turn entry : pool.entries()) {
                for (Turn.Text text : entry.texts()) {
                    text.contents().forEach(content -> all.add(new Named(text.name(), content)));
                }
            }
        }
        java.util.Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        for (int k = 0; k < batch; k++) {
            Named drawn = all.get(random.nextInt(all.size()));
            byName.computeIfAbsent(drawn.name(), n -> new ArrayList<>()).add(drawn.content());
        }
        List<Turn.Text> texts = new ArrayList<>();
        byName.forEach((name, contents) -> texts.add(new Turn.Text(name, contents)));
        return new Turn(null, null, null, null, null, texts);
    }

    private static Turn parse(DatasetLine line) {
        JsonNode json = line.object(EXAMPLE);
        DatasetFiles.checkType(line, json, TYPE);
        return TurnFields.read(line, json, "", FIELDS, TYPE);
    }

    private static List<Path> poolFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
