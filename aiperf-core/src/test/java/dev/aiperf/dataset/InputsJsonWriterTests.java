package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.endpoint.Endpoints;
import dev.aiperf.endpoint.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputsJsonWriterTests {

    @TempDir
    Path dir;

    @Test
    void everyTurnIsFormattedAsSentWithItsSharedPromptsButWithoutHistory() throws Exception {
        Turn first = new Turn("m", null, null, null, 10, List.of(new Turn.Text("text", List.of("Q1"))));
        Turn second = new Turn("m", null, null, 500L, null, List.of(new Turn.Text("text", List.of("Q2"))));
        Conversation conversation = new Conversation("session_000000", List.of(first, second), "SYS", "CTX");
        Path file = dir.resolve(InputsJsonWriter.FILE_NAME);

        new InputsJsonWriter(Endpoints.chat(new TestConfig().build())).write(List.of(conversation), file);

        String text = Files.readString(file);
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("data")).hasSize(1);
        JsonNode session = json.get("data").get(0);
        assertThat(session.get("session_id").asText()).isEqualTo("session_000000");
        assertThat(session.get("payloads")).hasSize(2);
        assertThat(session.get("payloads").get(0).toString()).isEqualTo("{\"messages\":["
                + "{\"role\":\"system\",\"content\":\"SYS\"},{\"role\":\"user\",\"content\":\"CTX\"},"
                + "{\"role\":\"user\",\"name\":\"text\",\"content\":\"Q1\"}],\"model\":\"m\",\"stream\":false,"
                + "\"max_completion_tokens\":10}");
        assertThat(session.get("payloads").get(1).get("messages")).hasSize(3);
        assertThat(session.get("payloads").get(1).at("/messages/2/content").asText()).isEqualTo("Q2");
        assertThat(text).startsWith("{\n  \"data\": [\n    {\n      \"session_id\": \"session_000000\",");
    }

    @Test
    void anEmptyDatasetWritesAnEmptyList() throws Exception {
        Path file = dir.resolve(InputsJsonWriter.FILE_NAME);

        new InputsJsonWriter(Endpoints.chat(new TestConfig().build())).write(List.of(), file);

        assertThat(new ObjectMapper().readTree(file.toFile()).get("data")).isEmpty();
    }
}
