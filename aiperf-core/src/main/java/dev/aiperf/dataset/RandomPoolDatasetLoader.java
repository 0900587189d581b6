package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.InputConfig;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The {@code random_pool} format (spec §3.4): a file (one pool) or a directory (each regular file a pool, in sorted
 * name order) of single_turn-shaped lines without timing or role ({@link TurnFields}). It builds
 * {@code --num-sessions} (default 100) one-turn conversations. When every batch size is 1 ({@code
 * --prompt-batch-size}, {@code --image-batch-size}, {@code --audio-batch-size}, {@code --video-batch-size}),
 * conversation i merges one entry drawn with replacement from every pool; otherwise the items of each modality of
 * every pool are put in one list and each conversation draws its batch size of them. Plain strings take their
 * pool file's stem as their name; {@code {"name", "contents"}} batches keep theirs.
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
        InputConfig input = config.input();
        BatchSizes batches = new BatchSizes(input.promptBatchSize(), input.image().batchSize(),
                input.audio().batchSize(), input.video().batchSize());
        RandomGenerator random = RandomStreams.forStream(input.randomSeed(), "dataset.loader.random_pool");
        TurnFinalizer finalizer = new TurnFinalizer(config);
        SessionIds ids = new SessionIds(input.randomSeed());
        List<Conversation> conversations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Turn turn = batches.allOne() ? oneFromEachPool(pools, random) : drawFlattened(pools, batches, random);
            conversations.add(new Conversation(ids.next(), List.of(finalizer.finalizeTurn(turn, null)), null, null));
        }
        return conversations;
    }

    /** Items per turn of each modality: {@code --prompt-batch-size}, {@code --image-batch-size}, ... */
    private record BatchSizes(int text, int image, int audio, int video) {
        boolean allOne() {
            return text == 1 && image == 1 && audio == 1 && video == 1;
        }
    }

    /** One pool: its entries, their unnamed texts and media named after the file's stem. */
    private record Pool(List<Turn> entries) {
    }

    private static Pool pool(Path file) throws IOException {
        String stem = stem(file);
        List<Turn> entries = new ArrayList<>();
        for (DatasetLine line : DatasetFiles.lines(file, TYPE, EXAMPLE)) {
            Turn turn = parse(line);
            List<Turn.Text> texts = turn.texts().stream()
                    .map(t -> t.name().isEmpty() ? new Turn.Text(stem, t.contents()) : t).toList();
            entries.add(new Turn(null, null, null, null, turn.maxTokens(), texts, named(turn.images(), stem),
                    named(turn.audios(), stem), named(turn.videos(), stem)));
        }
        return new Pool(entries);
    }

    private static List<Turn.Media> named(List<Turn.Media> batches, String stem) {
        return batches.stream().map(m -> m.name().isEmpty() ? new Turn.Media(stem, m.contents()) : m).toList();
    }

    private static Turn oneFromEachPool(List<Pool> pools, RandomGenerator random) {
        List<Turn.Text> texts = new ArrayList<>();
        List<Turn.Media> images = new ArrayList<>();
        List<Turn.Media> audios = new ArrayList<>();
        List<Turn.Media> videos = new ArrayList<>();
        Integer maxTokens = null;
        for (Pool pool : pools) {
            Turn drawn = pool.entries().get(random.nextInt(pool.entries().size()));
            texts.addAll(drawn.texts());
            images.addAll(drawn.images());
            audios.addAll(drawn.audios());
            videos.addAll(drawn.videos());
            maxTokens = maxTokens != null ? maxTokens : drawn.maxTokens();
        }
        return new Turn(null, null, null, null, maxTokens, texts, images, audios, videos);
    }

    /**
     * Per modality, its batch size of items drawn with replacement from every pool's items of that modality
     * together (pairings between modalities are not kept, as in the original), grouped by name.
     */
    private static Turn drawFlattened(List<Pool> pools, BatchSizes batches, RandomGenerator random) {
        List<Turn> entries = pools.stream().flatMap(p -> p.entries().stream()).toList();
        List<Turn.Text> texts = draw(entries.stream().flatMap(e -> e.texts().stream())
                .flatMap(t -> t.contents().stream().map(c -> new Named(t.name(), c))).toList(), batches.text(), random)
                .entrySet().stream().map(e -> new Turn.Text(e.getKey(), e.getValue())).toList();
        return new Turn(null, null, null, null, null, texts, drawMedia(entries, Turn::images, batches.image(), random),
                drawMedia(entries, Turn::audios, batches.audio(), random),
                drawMedia(entries, Turn::videos, batches.video(), random));
    }

    private record Named(String name, String content) {
    }

    private static List<Turn.Media> drawMedia(List<Turn> entries, Function<Turn, List<Turn.Media>> modality, int batch,
                                              RandomGenerator random) {
        List<Named> all = entries.stream().flatMap(e -> modality.apply(e).stream())
                .flatMap(m -> m.contents().stream().map(c -> new Named(m.name(), c))).toList();
        return draw(all, batch, random).entrySet().stream().map(e -> new Turn.Media(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, List<String>> draw(List<Named> all, int batch, RandomGenerator random) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (int k = 0; k < batch && !all.isEmpty(); k++) {
            Named drawn = all.get(random.nextInt(all.size()));
            byName.computeIfAbsent(drawn.name(), n -> new ArrayList<>()).add(drawn.content());
        }
        return byName;
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
