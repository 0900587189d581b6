package dev.aiperf.tokenizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code tokenizer.json} a {@code --tokenizer} value names, on local disk only: a
 * {@code tokenizer.json} file, a folder holding one (a saved model or tokenizer folder, usually with
 * {@code tokenizer_config.json} beside it), or a Hugging Face model id in the local {@link HubCache}.
 */
public final class TokenizerFiles {

    /** The file a fast tokenizer is saved as. */
    public static final String TOKENIZER_JSON = "tokenizer.json";

    private TokenizerFiles() {
    }

    /**
     * The outcome of a search.
     *
     * @param tokenizerJson the file found, if any
     * @param searched      every place looked at, in order (for the "not found" message)
     * @param problem       why a place that looked right could not be used (a folder without tokenizer.json), or null
     */
    public record Search(Optional<Path> tokenizerJson, List<String> searched, String problem) {
        public Search {
            searched = List.copyOf(searched);
        }

        public boolean found() {
            return tokenizerJson.isPresent();
        }

        /** The user-facing explanation of a failed search for {@code name}: where, and how to fix it. */
        public String notFoundMessage(String name) {
            StringBuilder message = new StringBuilder("no Hugging Face tokenizer '").append(name).append("' on this machine");
            if (problem != null) {
                message.append(": ").append(problem);
            }
            if (!searched.isEmpty()) {
                message.append(". Looked in: ").append(String.join("; ", searched));
            }
            message.append(". Nothing is downloaded: give --tokenizer a local folder holding tokenizer.json (e.g. from"
                    + " 'huggingface-cli download <model> tokenizer.json tokenizer_config.json --local-dir DIR'),"
                    + " a tokenizer.json file, a model id present in the Hugging Face cache ($HF_HUB_CACHE,"
                    + " $HF_HOME/hub or ~/.cache/huggingface/hub; --tokenizer-revision picks the revision),"
                    + " or a tiktoken encoding such as cl100k_base or o200k_base");
            return message.toString();
        }
    }

    /** Searches the local disk, then {@code cache}, for the tokenizer called {@code name} at {@code revision}. */
    public static Search find(String name, String revision, HubCache cache) {
        List<String> searched = new ArrayList<>();
        Optional<Path> asPath = asPath(name);
        if (asPath.isPresent()) {
            Path path = asPath.get();
            searched.add(path.toAbsolutePath().toString());
            if (Files.isRegularFile(path)) {
                return new Search(Optional.of(path), searched, null);
            }
            if (Files.isDirectory(path)) {
                Path file = path.resolve(TOKENIZER_JSON);
                if (Files.isRegularFile(file)) {
                    return new Search(Optional.of(file), searched, null);
                }
                return new Search(Optional.empty(), searched, folderProblem(path));
            }
        }
        if (HubCache.isRepoId(name)) {
            searched.addAll(cache.searched(name, revision));
            Optional<Path> snapshot = cache.snapshot(name, revision);
            if (snapshot.isPresent()) {
                Path file = snapshot.get().resolve(TOKENIZER_JSON);
                if (Files.isRegularFile(file)) {
                    return new Search(Optional.of(file), searched, null);
                }
                return new Search(Optional.empty(), searched, folderProblem(snapshot.get()));
            }
        }
        return new Search(Optional.empty(), searched, null);
    }

    /** Whether {@code name} is written as a path (absolute, relative with a dot, or home) or exists as one. */
    private static Optional<Path> asPath(String name) {
        try {
            String expanded = name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name;
            Path path = Path.of(expanded);
            boolean written = path.isAbsolute() || name.startsWith(".") || name.startsWith("~/")
                    || name.endsWith(".json") || Files.exists(path);
            return written ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private static String folderProblem(Path folder) {
        String problem = folder + " has no " + TOKENIZER_JSON;
        if (Files.isRegularFile(folder.resolve("tokenizer.model")) || Files.isRegularFile(folder.resolve("vocab.json"))) {
            problem += " (only a slow tokenizer's files: save it as a fast tokenizer,"
                    + " e.g. AutoTokenizer.from_pretrained(DIR).save_pretrained(DIR), which writes tokenizer.json)";
        } else if (mentionsAutoMap(folder.resolve("tokenizer_config.json"))) {
            problem += " (its tokenizer_config.json names custom tokenizer code, which is never run here:"
                    + " a tokenizer.json is needed)";
        }
        return problem;
    }

    private static boolean mentionsAutoMap(Path config) {
        try {
            return Files.isRegularFile(config) && Files.readString(config).contains("\"auto_map\"");
        } catch (IOException unreadable) {
            return false;
        }
    }
}
