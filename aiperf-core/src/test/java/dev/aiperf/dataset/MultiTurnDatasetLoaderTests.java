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

class MultiTurnDatasetLoaderTests {

    static final Path EXAMPLES = Path.of("../examples/datasets");

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("multi.jsonl"), String.join("\n", lines) + "\n");
    }

    private static MultiTurnDatasetLoader loader() {
        return new MultiTurnDatasetLoader(Contexts.dataset(new TestConfig().build()));
    }

    @Test
    void theDocumentedExampleJoinsSessionsKeepsDelaysTimestampsAndTheSystemTurn() throws IOException {
        List<Conversation> conversations = loader().load(EXAMPLES.resolve("multi_turn.jsonl"));

        assertThat(conversations).extracting(Conversation::sessionId).containsExactly("chat_1", "chat_2");
        Conversation chat1 = conversations.get(0);
        assertThat(chat1.systemMessage()).isEqualTo("You are a terse assistant.");
        assertThat(chat1.turns()).extracting(Turn::allTexts).containsExactly(List.of("Hello, who are you?"),
                List.of("And what can you do?"), List.of("Thanks, bye."));
        assertThat(chat1.turns()).extracting(Turn::delayMs).containsExactly(null, 200L, 100L);
        assertThat(chat1.turns()).extracting(Turn::maxTokens).containsExactly(null, null, 8);
        assertThat(chat1.turns()).extracting(Turn::model).containsOnly("test-model");
        Conversation chat2 = conversations.get(1);
        assertThat(chat2.systemMessage()).isNull();
        assertThat(chat2.turns()).extracting(Turn::timestampMs).containsExactly(0L, 500L);
    }

    @Test
    void linesWithoutSessionIdAreEachTheirOwnConversation() throws IOException {
        List<Conversation> conversations = loader().load(file(
                "{\"turns\": [{\"text\": \"a\"}]}",
                "{\"turns\": [{\"texts\": [{\"name\": \"q\", \"contents\": [\"b\", \"c\"]}]}, {\"text\": \"d\"}]}"));

        assertThat(conversations).extracting(Conversation::sessionId).containsExactly("session_000000", "session_000001");
        assertThat(conversations.get(1).turns().get(0).texts()).containsExactly(new Turn.Text("q", List.of("b", "c")));
    }

    @Test
    void errorsSayLineColumnAndField() throws IOException {
        Path bad = file("{\"session_id\": \"a\", \"turns\": [{\"text\": \"hi\"}]}",
                "{\"session_id\": \"a\", \"turns\": [{\"text\": \"hi\"}, {\"text\": \"x\", \"delay\": \"later\"}]}");
        assertThatThrownBy(() -> loader().load(bad)).isInstanceOf(InvalidDatasetException.class)
                .hasMessage(bad + ":2:61: field 'turns[1].delay': must be a number of milliseconds (0 or more),"
                        + " got \"later\"");
        assertThatThrownBy(() -> loader().load(file("{\"session_id\": \"a\", \"turns\": []}")))
                .hasMessageContaining(":1:21: field 'turns': a multi_turn line needs 'turns', a non-empty list");
        assertThatThrownBy(() -> loader().load(file("{\"session\": \"a\", \"turns\": [{\"text\": \"x\"}]}")))
                .hasMessageContaining(":1:2: field 'session': unknown field; a multi_turn line has session_id,"
                        + " turns and type");
        assertThatThrownBy(() -> loader().load(file("{\"turns\": [{\"txt\": \"x\"}]}")))
                .hasMessageContaining(":1:13: field 'turns[0].txt': unknown field; a multi_turn turn may have"
                        + " audio, audios, delay, image, images, output_length, role, text, texts, timestamp, video, videos");
        assertThatThrownBy(() -> loader().load(file("{\"turns\": [\"x\"]}")))
                .hasMessageContaining(":1:12: field 'turns[0]': expected an object");
    }

    @Test
    void canLoadOnlyMultiTurnLines() throws IOException {
        assertThat(loader().canLoad(EXAMPLES.resolve("multi_turn.jsonl"))).isTrue();
        assertThat(loader().canLoad(EXAMPLES.resolve("single_turn.jsonl"))).isFalse();
        assertThat(loader().canLoad(EXAMPLES.resolve("mooncake_trace.jsonl"))).isFalse();
    }
}
