package com.example.aiperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;
import dev.aiperf.testkit.PluginContexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MyCustomEndpointTest {
    // A unit test needs no registry: the context is two values, the run's config and the manifest's metadata.
    private static final EndpointMetadata METADATA = new EndpointMetadata("/v1/custom", null, true, true, true,
            false, false, "LLM Metrics", "custom");
    private final MyCustomEndpoint endpoint = new MyCustomEndpoint(
            new EndpointContext(PluginContexts.config("my_custom", false), METADATA));

    @Test
    void formatPayloadSendsPromptAndMaxTokens() {
        ObjectNode payload = endpoint.formatPayload(requestFor(Turn.ofText("Hello there", 64)));

        assertEquals("Hello there", payload.get("prompt").asText());
        assertEquals(64, payload.get("max_tokens").asInt());
    }

    @Test
    void formatPayloadOmitsMaxTokensWhenTheTurnHasNone() {
        ObjectNode payload = endpoint.formatPayload(requestFor(Turn.ofText("Hi", null)));

        assertFalse(payload.has("max_tokens"));
    }

    @Test
    void formatPayloadUsesTheTurnsModel() {
        Turn turn = Turn.ofText("Hi", 8).withModelAndMaxTokens("my-model", 8);

        assertEquals("my-model", endpoint.formatPayload(requestFor(turn)).get("model").asText());
    }

    @Test
    void parseResponseReadsOutputAndUsage() {
        ParsedResponse parsed = endpoint.parseResponse(
                new InferenceResponse(42L, InferenceResponse.Kind.TEXT, "{\"output\":\"Hi!\",\"usage\":{\"total_tokens\":7}}"));

        assertEquals(42L, parsed.perfNs());
        assertEquals("Hi!", parsed.data().outputText());
        assertEquals(7, parsed.usage().get("total_tokens").asInt());
    }

    @Test
    void parseResponseDropsTheDoneMarker() {
        assertNull(endpoint.parseResponse(new InferenceResponse(1L, InferenceResponse.Kind.SSE, "[DONE]")));
    }

    @Test
    void parseResponseKeepsUsageOnlyChunksWithoutContent() {
        ParsedResponse parsed = endpoint.parseResponse(
                new InferenceResponse(1L, InferenceResponse.Kind.SSE, "{\"usage\":{\"total_tokens\":3}}"));

        assertFalse(parsed.hasContent());
        assertEquals(3, parsed.usage().get("total_tokens").asInt());
    }

    @Test
    void parseResponseRejectsJsonThatIsNotAnObject() {
        assertThrows(IllegalArgumentException.class,
                () -> endpoint.parseResponse(new InferenceResponse(1L, InferenceResponse.Kind.TEXT, "[1, 2]")));
    }

    @Test
    void streamingIsAskedForWhenTheRunStreams() {
        MyCustomEndpoint streaming = new MyCustomEndpoint(
                new EndpointContext(PluginContexts.config("my_custom", true), METADATA));

        assertTrue(streaming.formatPayload(requestFor(Turn.ofText("Hi", 8))).get("stream").asBoolean());
        assertFalse(endpoint.formatPayload(requestFor(Turn.ofText("Hi", 8))).has("stream"));
    }

    static RequestInfo requestFor(Turn turn) {
        Conversation conversation = new Conversation("session_000000", List.of(turn), null, null);
        return new RequestInfo(conversation, List.of(turn), 0, 0L, CreditPhase.PROFILING, "request-1", "session-1", 0);
    }
}
