package dev.aiperf.tokenizers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face fast tokenizer read from a local {@code tokenizer.json}, run by the Rust {@code tokenizers}
 * library through DJL (its jar bundles the native library). Nothing is downloaded: the file is read from disk,
 * the native library comes out of the jar, and DJL's telemetry is switched off before first use.
 * Encoding adds no special tokens, applies no truncation and no padding.
 */
public final class HuggingFaceTokenizer implements TextTokenizer {

    private static final Map<String, String> OPTIONS = Map.of(
            "addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer;
    private final Path file;

    private HuggingFaceTokenizer(ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer, Path file) {
        this.tokenizer = tokenizer;
        this.file = file;
    }

    /**
     * Loads {@code tokenizerJson}.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a tokenizer the library can load (the message says why)
     */
    public static HuggingFaceTokenizer load(Path tokenizerJson) throws IOException {
        DjlOffline.configure();
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            return new HuggingFaceTokenizer(ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(in, OPTIONS),
                    tokenizerJson);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot load the Hugging Face tokenizer " + tokenizerJson + ": "
                    + rootMessage(e), e);
        }
    }

    /** The {@code tokenizer.json} this was loaded from. */
    public Path file() {
        return file;
    }

    @Override
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] result = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = (int) ids[i];
        }
        return result;
    }

    @Override
    public String decode(int[] ids, int from, int to) {
        long[] wide = new long[to - from];
        for (int i = from; i < to; i++) {
            wide[i - from] = ids[i];
        }
        return tokenizer.decode(wide, false);
    }

    @Override
    public String toString() {
        return "Hugging Face tokenizer " + file;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
