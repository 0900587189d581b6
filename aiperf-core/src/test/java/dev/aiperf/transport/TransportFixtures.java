package dev.aiperf.transport;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.transport.TransportRequest;
import dev.aiperf.endpoint.Endpoints;
import dev.aiperf.endpoint.RequestFactory;
import dev.aiperf.endpoint.TestConfig;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Requests and settings for transport tests. */
final class TransportFixtures {

    /** A prompt long enough that the mock server answers exactly {@code max_completion_tokens} tokens. */
    static final String PROMPT = "Shall I compare thee to a summer's day? Thou art more lovely and more temperate. "
            .repeat(4);

    private TransportFixtures() {
    }

    static HttpTransportSettings settings(String strategy, Duration requestTimeout, Duration readTimeout,
                                          boolean sslVerify) {
        return new HttpTransportSettings(requestTimeout, Duration.ofSeconds(5), readTimeout, Duration.ofSeconds(60),
                2500, sslVerify, strategy, 2);
    }

    static HttpTransportSettings settings() {
        return settings(HttpTransportSettings.POOLED, Duration.ofSeconds(20), Duration.ofSeconds(20), true);
    }

    static TransportRequest chat(String baseUrl, boolean streaming, int maxTokens) {
        Turn turn = new Turn(null, null, null, null, maxTokens, List.of(new Turn.Text("text", List.of(PROMPT))));
        return chat(baseUrl, streaming, new Conversation("session_x", List.of(turn), null, null), 0);
    }

    static TransportRequest chat(String baseUrl, boolean streaming, Conversation conversation, int turnIndex) {
        TestConfig config = new TestConfig();
        config.urls = List.of(baseUrl);
        config.streaming = streaming;
        RequestFactory factory = new RequestFactory(config.build(), Endpoints.chat(config.build()),
                Endpoints.metadata("chat"));
        Turn turn = conversation.turns().get(turnIndex);
        RequestInfo info = new RequestInfo(conversation, List.of(turn), turnIndex, 0, CreditPhase.PROFILING,
                UUID.randomUUID().toString(), conversation.sessionId(), 0);
        return factory.create(info, System.nanoTime());
    }

    static RequestRecord await(CompletableFuture<RequestRecord> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the transport's future did not complete normally", e);
        }
    }
}
