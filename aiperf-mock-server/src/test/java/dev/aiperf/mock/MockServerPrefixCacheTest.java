package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mock's prefix cache, over real HTTP: repeated prompt prefixes come back as cached tokens in usage. */
class MockServerPrefixCacheTest {
    private static final String PREFIX = "You are a helpful assistant who answers questions about the weather in"
            + " great detail, citing the forecast, the pressure, the humidity and the wind for every town asked about.";

    private static MockServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.builder().port(0).fast(true).workers(1).build());
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode usage(String prompt, boolean stream) {
        var body = TestClient.JSON.createObjectNode().put("model", "m").put("max_tokens", 4).put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
            List<JsonNode> chunks = client.stream("/v1/chat/completions", body.toString()).chunks();
            return chunks.getLast().path("usage");
        }
        return TestClient.json(client.post("/v1/chat/completions", body.toString()).body()).path("usage");
    }

    @Test
    void aRepeatedPrefixIsServedFromTheCacheInWholeBlocks() {
        JsonNode first = usage(PREFIX + " What about Oslo today?", false);
        assertThat(first.at("/prompt_tokens_details/cached_tokens").asInt()).isZero();
        JsonNode second = usage(PREFIX + " And what about Lisbon tomorrow?", true);
        int cached = second.at("/prompt_tokens_details/cached_tokens").asInt();
        int prefixTokens = CharChunkTokenizer.count(PREFIX);
        assertThat(cached).isPositive().isLessThanOrEqualTo(prefixTokens)
                .isGreaterThan(prefixTokens - 2 * PrefixCache.BLOCK_TOKENS);
        assertThat(cached % PrefixCache.BLOCK_TOKENS).isZero();
        assertThat(second.get("prompt_tokens").asInt()).isGreaterThan(cached);
        JsonNode other = usage("Something else entirely, with no prefix in common with the others at all, none.", false);
        assertThat(other.at("/prompt_tokens_details/cached_tokens").asInt()).isZero();
    }
}
