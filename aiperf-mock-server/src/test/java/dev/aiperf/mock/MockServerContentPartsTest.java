package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Chat requests with OpenAI content parts, and the request capture that shows what was sent. */
class MockServerContentPartsTest {

    private static final String PARTS = "{\"model\":\"m\",\"max_tokens\":3,\"ignore_eos\":true,\"messages\":["
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Shall I compare thee\"},"
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}},"
            + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRg==\",\"format\":\"wav\"}},"
            + "{\"type\":\"video_url\",\"video_url\":{\"url\":\"https://example.com/v.mp4\"}}]}]}";
    private static final String TEXT = "{\"model\":\"m\",\"max_tokens\":3,\"ignore_eos\":true,\"messages\":["
            + "{\"role\":\"user\",\"content\":\"Shall I compare thee\"}]}";

    @Test
    void mediaPartsAreToleratedTextPartsCountedAndTheBodiesCapturedAsSent() {
        try (MockServer server = MockServer.start(MockServerConfig.builder().port(0).fast(true).workers(1).build())) {
            TestClient client = new TestClient(server);
            client.post("/v1/chat/completions", TEXT); // before the capture: not kept
            RequestCapture capture = server.captureRequests(2);

            HttpResponse<String> withMedia = client.post("/v1/chat/completions", PARTS);
            HttpResponse<String> textOnly = client.post("/v1/chat/completions", TEXT);
            client.get("/health"); // over the limit: not kept

            assertThat(withMedia.statusCode()).isEqualTo(200);
            JsonNode usage = TestClient.json(withMedia.body()).get("usage");
            // Only the text part is counted: the same prompt tokens as the plain string.
            assertThat(usage.get("prompt_tokens").asInt())
                    .isEqualTo(TestClient.json(textOnly.body()).at("/usage/prompt_tokens").asInt())
                    .isPositive();
            assertThat(usage.get("completion_tokens").asInt()).isEqualTo(3);
            assertThat(capture.requests()).hasSize(2);
            RequestCapture.CapturedRequest first = capture.requestsTo("/v1/chat/completions").get(0);
            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.body()).isEqualTo(PARTS);
            assertThat(first.json().at("/messages/0/content/2/input_audio/format").asText()).isEqualTo("wav");
        }
    }
}
