package dev.aiperf.tokenizers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokenizers this module can load from a {@code --tokenizer} value, all offline: a tiktoken encoding name,
 * else a Hugging Face {@code tokenizer.json} found by {@link TokenizerFiles}. A loaded Hugging Face tokenizer
 * is kept per file, so the client and an in-process mock server share one.
 */
public final class LocalTokenizers {

    private static final Map<Path, HuggingFaceTokenizer> HUGGING_FACE = new ConcurrentHashMap<>();

    private LocalTokenizers() {
    }

    /**
     * The tokenizer {@code name} stands for.
     *
     * @throws IllegalArgumentException saying where it looked and how to fix it when nothing matches
     */
    public static TextTokenizer load(String name, String revision) {
        Optional<TiktokenTokenizer> tiktoken = TiktokenTokenizer.forName(name);
        if (tiktoken.isPresent()) {
            return tiktoken.get();
        }
        TokenizerFiles.Search search = TokenizerFiles.find(name, revision, HubCache.fromEnvironment());
        return search.tokenizerJson().map(LocalTokenizers::huggingFace)
                .orElseThrow(() -> new IllegalArgumentException(search.notFoundMessage(name)));
    }

    /**
     * The tokenizer saved in {@code tokenizerJson}, loaded once per file.
     *
     * @throws IllegalArgumentException when the file is not a tokenizer the library can read
     * @throws UncheckedIOException     when it cannot be read
     */
    public static HuggingFaceTokenizer huggingFace(Path tokenizerJson) {
        return HUGGING_FACE.computeIfAbsent(tokenizerJson.toAbsolutePath().normalize(), file -> {
            try {
                return HuggingFaceTokenizer.load(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the tokenizer file " + file + ": " + e.getMessage(), e);
            }
        });
    }
}
