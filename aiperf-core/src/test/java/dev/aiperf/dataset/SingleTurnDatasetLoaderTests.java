package dev.aiperf.dataset;

import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleTurnDatasetLoaderTests {

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("data.jsonl"), String.join("\n", lines) + "\n");
    }

    private static SingleTurnDatasetLoader loader() {
        return new SingleTurnDatasetLoader(Contexts.dataset(new TestConfig().build()));
    }

    @Test
    void everyLineIsItsOwnOneTurnConversation() throws IOException {
        Path data = file(
                "{\"text\": \"What is AI?\", \"timestamp\": 1500}",
                "",
                "  ",
                "{\"texts\": [\"a\", \"b\"], \"role\": \"user\", \"delay\": 250}",
                "{\"texts\": [{\"name\": \"q\", \"contents\": [\"c\"]}], \"type\": \"single_turn\"}");

        List<Conversation> conversations = loader().load(data);

        assertThat(conversations).extracting(Conversation::sessionId)
                .containsExactly("session_000000", "session_000001", "session_000002");
        Turn first = conversations.get(0).turns().get(0);
        assertThat(first.texts()).containsExactly(new Turn.Text("", List.of("What is AI?")));
        assertThat(first.timestampMs()).isEqualTo(1500L);
        assertThat(first.model()).isEqualTo("test-model");
        assertThat(first.maxTokens()).isNull();
        Turn second = conversations.get(1).turns().get(0);
        assertThat(second.texts()).containsExactly(new Turn.Text("", List.of("a", "b")));
        assertThat(second.role()).isEqualTo("user");
        assertThat(second.delayMs()).isEqualTo(250L);
        assertThat(conversations.get(2).turns().get(0).texts()).containsExactly(new Turn.Text("q", List.of("c")));
    }

    @Test
    void oslOverridesMaxTokensOfEveryTurn() throws IOException {
        TestConfig config = new TestConfig();
        config.oslMean = 42;

        List<Conversation> conversations = new SingleTurnDatasetLoader(Contexts.dataset(config.build())).load(file("{\"text\": \"x\"}"));

        assertThat(conversations.get(0).turns().get(0).maxTokens()).isEqualTo(42);
    }

    @Test
    void badLinesAreReportedWithFileLineAndWhatIsValid() throws IOException {
        Path data = file("{\"text\": \"ok\"}", "{\"text\": \"unterminated}");
        assertThatThrownBy(() -> loader().load(data)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageStartingWith(data + ":2:").hasMessageContaining("invalid JSON");

        assertThatThrownBy(() -> loader().load(file("{\"txt\": \"typo\"}")))
                .hasMessageContaining("data.jsonl:1:2: field 'txt': unknown field")
                .hasMessageContaining("audio, audios, delay, image, images, output_length, role, text, texts, timestamp,"
                        + " type, video, videos");
        assertThatThrownBy(() -> loader().load(file("{\"role\": \"user\"}")))
                .hasMessageContaining(":1:1: a single_turn turn needs at least one of 'text'");
        assertThatThrownBy(() -> loader().load(file("{\"text\": \"a\"}", "{\"text\": \"b\", \"timestamp\": 1, \"delay\": 2}")))
                .hasMessageContaining(":2:31: field 'delay': give either 'timestamp' or 'delay'");
        assertThatThrownBy(() -> loader().load(file("{\"text\": \"a\", \"image\": \"cat.png\"}")))
                .hasMessageContaining(":1:15: field 'image': media file ").hasMessageContaining("'cat.png' does not exist");
        assertThatThrownBy(() -> loader().load(file("[1, 2]"))).hasMessageContaining(":1: expected a JSON object");
        assertThatThrownBy(() -> loader().load(file("{\"text\": 5}"))).hasMessageContaining("field 'text': must be a string");
        assertThatThrownBy(() -> loader().load(file("{\"texts\": [\"a\", 1]}")))
                .hasMessageContaining(":1:17: field 'texts[1]': mixes strings");
        assertThatThrownBy(() -> loader().load(file("{\"text\": \"a\", \"timestamp\": \"soon\"}")))
                .hasMessageContaining("field 'timestamp': must be a number of milliseconds");
        assertThatThrownBy(() -> loader().load(file("{\"text\": \"a\", \"output_length\": 0}")))
                .hasMessageContaining("field 'output_length': must be a whole number of 1 or more");
        assertThatThrownBy(() -> loader().load(file("{\"text\": \"a\", \"type\": \"multi_turn\"}")))
                .hasMessageContaining("--custom-dataset-type");
    }

    @Test
    void emptyAndMissingFilesAreClearErrors() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n  \n");
        Path missing = dir.resolve("missing.jsonl");

        assertThatThrownBy(() -> loader().load(empty)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining(empty + " is empty").hasMessageContaining("{\"text\": \"Hello\"}");
        assertThatThrownBy(() -> loader().load(missing)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining(missing + " does not exist");
        assertThatThrownBy(() -> loader().load(dir)).hasMessageContaining("is not a regular file");
    }

    @Test
    void canLoadRecognisesSingleTurnLinesOnly() throws IOException {
        assertThat(loader().canLoad(file("", "{\"text\": \"hi\"}"))).isTrue();
        assertThat(loader().canLoad(file("{\"session_id\": \"a\", \"turns\": [{\"text\": \"hi\"}]}"))).isFalse();
        assertThat(loader().canLoad(file("{\"input_length\": 10, \"output_length\": 5}"))).isFalse();
        assertThat(loader().canLoad(dir)).isFalse();
        assertThat(loader().preferredSampler()).isEqualTo("sequential");
    }
}
