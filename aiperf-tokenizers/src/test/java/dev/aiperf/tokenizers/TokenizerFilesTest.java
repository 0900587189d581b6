package dev.aiperf.tokenizers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerFilesTest {

    private static final HubCache NO_CACHE = new HubCache(List.of());

    @TempDir
    Path dir;

    @Test
    void aFolderWithTokenizerJsonAndTheFileItselfBothWork() {
        Path folder = TestTokenizers.folder("llama3");

        assertThat(TokenizerFiles.find(folder.toString(), null, NO_CACHE).tokenizerJson())
                .contains(folder.resolve("tokenizer.json"));
        assertThat(TokenizerFiles.find(folder.resolve("tokenizer.json").toString(), null, NO_CACHE).tokenizerJson())
                .contains(folder.resolve("tokenizer.json"));
    }

    @Test
    void aFolderWithoutTokenizerJsonSaysWhatIsMissing() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"auto_map\": {\"AutoTokenizer\": [\"x.T\", null]}}");

        TokenizerFiles.Search search = TokenizerFiles.find(dir.toString(), null, NO_CACHE);

        assertThat(search.found()).isFalse();
        assertThat(search.problem()).contains(dir + " has no tokenizer.json").contains("never run");
        assertThat(search.notFoundMessage(dir.toString())).contains("Looked in: " + dir.toAbsolutePath());
    }

    @Test
    void aMissingJsonPathIsNotAModelId() {
        TokenizerFiles.Search search = TokenizerFiles.find("./nowhere/tokenizer.json", null, NO_CACHE);

        assertThat(search.found()).isFalse();
        assertThat(search.searched()).hasSize(1);
    }
}
