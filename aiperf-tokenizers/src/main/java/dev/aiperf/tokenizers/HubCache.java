package dev.aiperf.tokenizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local Hugging Face hub cache, read the way {@code huggingface_hub} lays it out:
 * {@code <cache>/models--<org>--<name>/refs/<revision>} holds a commit hash and
 * {@code <cache>/models--<org>--<name>/snapshots/<commit>/} holds the files. The cache is
 * {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}; every one of
 * those that is set is searched, in that order. Nothing is ever downloaded.
 *
 * @param roots the cache folders searched, in order
 */
public record HubCache(List<Path> roots) {

    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    public HubCache {
        roots = List.copyOf(roots);
    }

    /** The caches this process would use. */
    public static HubCache fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    /** The caches named by {@code env} (HF_HUB_CACHE, HUGGINGFACE_HUB_CACHE, HF_HOME, XDG_CACHE_HOME) and home. */
    public static HubCache fromEnvironment(Map<String, String> env, String userHome) {
        Set<Path> roots = new LinkedHashSet<>();
        addIfSet(roots, env.get("HF_HUB_CACHE"), null);
        addIfSet(roots, env.get("HUGGINGFACE_HUB_CACHE"), null);
        addIfSet(roots, env.get("HF_HOME"), "hub");
        addIfSet(roots, env.get("XDG_CACHE_HOME"), "huggingface/hub");
        if (userHome != null) {
            roots.add(Path.of(userHome, ".cache", "huggingface", "hub"));
        }
        return new HubCache(new ArrayList<>(roots));
    }

    /** Whether {@code name} could be a hub repository id ({@code org/name} or {@code name}). */
    public static boolean isRepoId(String name) {
        return name != null && REPO_ID.matcher(name).matches() && !name.contains("..");
    }

    /** The folder of {@code repoId} in {@code root}, e.g. {@code models--Qwen--Qwen3-0.6B}. */
    public static Path repoFolder(Path root, String repoId) {
        return root.resolve("models--" + repoId.replace("/", "--"));
    }

    /**
     * The snapshot folder of {@code repoId} at {@code revision} (a branch or tag with a file under
     * {@code refs/}, or a commit hash with a folder under {@code snapshots/}) in the first cache that has it.
     */
    public Optional<Path> snapshot(String repoId, String revision) {
        if (!isRepoId(repoId)) {
            return Optional.empty();
        }
        String rev = revision == null || revision.isBlank() ? "main" : revision.strip();
        for (Path root : roots) {
            Path repo = repoFolder(root, repoId);
            Optional<Path> found = commit(repo, rev).map(commit -> repo.resolve("snapshots").resolve(commit))
                    .filter(Files::isDirectory);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Where {@link #snapshot} looked, one line per cache, for error messages. */
    public List<String> searched(String repoId, String revision) {
        String rev = revision == null || revision.isBlank() ? "main" : revision.strip();
        return roots.stream().map(root -> repoFolder(root, repoId) + " (revision " + rev + ")").toList();
    }

    private static Optional<String> commit(Path repo, String revision) {
        Path ref = repo.resolve("refs").resolve(revision);
        if (!revision.contains("..") && Files.isRegularFile(ref)) {
            try {
                String commit = Files.readString(ref).strip();
                return commit.isEmpty() ? Optional.empty() : Optional.of(commit);
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        }
        return COMMIT.matcher(revision).matches() ? Optional.of(revision) : Optional.empty();
    }

    private static void addIfSet(Set<Path> roots, String value, String child) {
        if (value != null && !value.isBlank()) {
            Path path = Path.of(value.strip());
            roots.add(child == null ? path : path.resolve(child));
        }
    }
}
