package dev.aiperf.tokenizers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A temporary folder laid out like the Hugging Face hub cache, with the real Qwen3 tokenizer in it. */
class HubCacheTest {

    private static final String MAIN = "a".repeat(40);
    private static final String OLD = "b".repeat(40);

    @TempDir
    Path home;

    /** models--Qwen--Qwen3-0.6B with refs/main, two snapshots and blobs linked the way huggingface_hub links them. */
    private Path hubCache(Path root) throws IOException {
        Path repo = HubCache.repoFolder(root, "Qwen/Qwen3-0.6B");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), MAIN);
        Files.writeString(repo.resolve("refs/v1"), OLD + "\n");
        Path blob = Files.createDirectories(repo.resolve("blobs")).resolve("0123abcd");
        Files.copy(TestTokenizers.folder("qwen3").resolve("tokenizer.json"), blob);
        for (String commit : new String[] {MAIN, OLD}) {
            Path snapshot = Files.createDirectories(repo.resolve("snapshots").resolve(commit));
            Files.createSymbolicLink(snapshot.resolve("tokenizer.json"), Path.of("../../blobs/0123abcd"));
        }
        return root;
    }

    @Test
    void cachesComeFromHfHubCacheThenHfHomeThenTheHomeFolder() {
        HubCache cache = HubCache.fromEnvironment(Map.of("HF_HUB_CACHE", "/x/hub", "HF_HOME", "/y"), "/home/u");

        assertThat(cache.roots()).containsExactly(Path.of("/x/hub"), Path.of("/y/hub"),
                Path.of("/home/u/.cache/huggingface/hub"));
        assertThat(HubCache.fromEnvironment(Map.of(), "/home/u").roots())
                .containsExactly(Path.of("/home/u/.cache/huggingface/hub"));
    }

    @Test
    void aModelIdResolvesThroughRefsToItsSnapshot() throws IOException {
        HubCache cache = HubCache.fromEnvironment(Map.of("HF_HOME", hubCache(home.resolve("hf").resolve("hub")).getParent().toString()), null);

        Path main = cache.snapshot("Qwen/Qwen3-0.6B", "main").orElseThrow();
        assertThat(main.getFileName().toString()).isEqualTo(MAIN);
        assertThat(cache.snapshot("Qwen/Qwen3-0.6B", null)).contains(main);
        assertThat(cache.snapshot("Qwen/Qwen3-0.6B", "v1").orElseThrow().getFileName().toString()).isEqualTo(OLD);
        assertThat(cache.snapshot("Qwen/Qwen3-0.6B", OLD).orElseThrow().getFileName().toString()).isEqualTo(OLD);
        assertThat(cache.snapshot("Qwen/Qwen3-0.6B", "no-such-branch")).isEmpty();
        assertThat(cache.snapshot("Qwen/Qwen3-8B", "main")).isEmpty();
    }

    @Test
    void theDefaultHomeCacheIsFoundAndTheTokenizerLoads() throws IOException {
        hubCache(home.resolve(".cache/huggingface/hub"));
        HubCache cache = HubCache.fromEnvironment(Map.of(), home.toString());

        TokenizerFiles.Search search = TokenizerFiles.find("Qwen/Qwen3-0.6B", "main", cache);

        assertThat(search.found()).isTrue();
        assertThat(LocalTokenizers.huggingFace(search.tokenizerJson().orElseThrow()).encode("Hello world"))
                .containsExactly(9707, 1879);
    }

    @Test
    void aMissingModelSaysWhereItLookedAndHowToGiveALocalPath() {
        HubCache cache = HubCache.fromEnvironment(Map.of("HF_HUB_CACHE", home.resolve("hub").toString()), null);

        TokenizerFiles.Search search = TokenizerFiles.find("meta-llama/Llama-3.1-8B", "main", cache);

        assertThat(search.found()).isFalse();
        assertThat(search.notFoundMessage("meta-llama/Llama-3.1-8B"))
                .contains("no Hugging Face tokenizer 'meta-llama/Llama-3.1-8B'")
                .contains(home.resolve("hub/models--meta-llama--Llama-3.1-8B") + " (revision main)")
                .contains("Nothing is downloaded")
                .contains("local folder holding tokenizer.json");
    }
}
