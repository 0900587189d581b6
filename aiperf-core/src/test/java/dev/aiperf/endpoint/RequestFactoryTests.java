package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.transport.TransportRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestFactoryTests {

    @Test
    void urlsGetASchemeLoseTrailingSlashesAndADoubledV1() {
        assertThat(RequestFactory.buildUrl("localhost:8000", "/v1/chat/completions"))
                .hasToString("http://localhost:8000/v1/chat/completions");
        assertThat(RequestFactory.buildUrl("https://api.example.com/v1/", "/v1/chat/completions"))
                .hasToString("https://api.example.com/v1/chat/completions");
        assertThat(RequestFactory.buildUrl("http://h:1/base//", "custom/path"))
                .hasToString("http://h:1/base/custom/path");
        assertThat(RequestFactory.buildUrl("http://h:1/exact", null)).hasToString("http://h:1/exact");
        assertThatThrownBy(() -> RequestFactory.buildUrl("http://exa mple.com", "/v1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--url");
    }

    @Test
    void customEndpointReplacesTheDefaultPathAndUrlIndexWraps() {
        TestConfig config = new TestConfig();
        config.urls = List.of("http://a:1", "http://b:2");
        config.customEndpoint = "/v2/generate";
        RequestFactory factory = new RequestFactory(config.build(), Endpoints.chat(config.build()), Endpoints.metadata("chat"));

        assertThat(factory.url(0)).hasToString("http://a:1/v2/generate");
        assertThat(factory.url(3)).hasToString("http://b:2/v2/generate");
    }

    @Test
    void headersMergeInOrderWithLaterOnesWinningWhateverTheirCase() {
        TestConfig config = new TestConfig();
        config.streaming = true;
        config.apiKey = "sk-secret";
        config.headers.add(new KeyValue("user-agent", "custom/1"));
        config.headers.add(new KeyValue("X-Trace", 7));
        config.headers.add(new KeyValue("Accept", "text/plain"));
        RequestFactory factory = new RequestFactory(config.build(), Endpoints.chat(config.build()), Endpoints.metadata("chat"));

        TransportRequest request = factory.create(Requests.single(Turn.ofText("hi", 3)), 99);

        assertThat(request.headers()).containsExactly(
                java.util.Map.entry("User-Agent", "custom/1"),
                java.util.Map.entry("X-Request-ID", "req-1"),
                java.util.Map.entry("X-Correlation-ID", "session_000000"),
                java.util.Map.entry("X-Trace", "7"),
                java.util.Map.entry("Accept", "text/event-stream"),
                java.util.Map.entry("Authorization", "Bearer sk-secret"),
                java.util.Map.entry("Content-Type", "application/json"));
        assertThat(request.toString()).doesNotContain("sk-secret");
        assertThat(config.build().endpoint().toString()).doesNotContain("sk-secret");
    }

    @Test
    void defaultUserAgentNamesAiperfAndAcceptFollowsStreaming() {
        TestConfig config = new TestConfig();
        RequestFactory factory = new RequestFactory(config.build(), Endpoints.embeddings(config.build()),
                Endpoints.metadata("embeddings"));

        TransportRequest request = factory.create(Requests.single(Turn.ofText("hi", null)), 1);

        assertThat(request.headers().get("User-Agent")).startsWith("aiperf/");
        assertThat(request.headers().get("Accept")).isEqualTo("application/json");
        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(request.url()).hasToString("http://localhost:8000/v1/embeddings");
    }

    @Test
    void bodyIsThePayloadSerialisedOnceWithItsModel() throws Exception {
        TestConfig config = new TestConfig();
        ChatEndpoint endpoint = Endpoints.chat(config.build());
        RequestFactory factory = new RequestFactory(config.build(), endpoint, Endpoints.metadata("chat"));
        Turn turn = new Turn("m2", null, null, null, null, List.of(new Turn.Text("text", List.of("hi"))));
        RequestInfo info = new RequestInfo(new Conversation("s", List.of(turn), null, null), List.of(turn), 0, 4,
                CreditPhase.PROFILING, "r", "s", 0);

        TransportRequest request = factory.create(info, 1234);

        assertThat(new ObjectMapper().readTree(request.body())).isEqualTo(endpoint.formatPayload(info));
        assertThat(request.model()).isEqualTo("m2");
        assertThat(request.intendedSendPerfNs()).isEqualTo(1234);
        assertThat(request.requestInfo()).isSameAs(info);
    }
}
