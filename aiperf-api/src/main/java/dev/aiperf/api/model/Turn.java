package dev.aiperf.api.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One turn of a conversation: one HTTP request. Texts are a list of named batches, like the
 * original's {@code Media{name, contents}}; synthetic data uses a single batch named {@code text}.
 *
 * @param model       model to send this turn to, or null for the first configured model
 * @param role        message role, null means {@code user}
 * @param timestampMs fixed-schedule send time, or null
 * @param delayMs     think time before this turn (non-first turns), or null
 * @param maxTokens   requested output length, or null to send none
 * @param texts       named text batches
 * @param rawPayload  a request body to send exactly as it is (the {@code raw} endpoint, the {@code raw_payload}
 *                    dataset), or null; kept as a private copy, read it through {@link #rawPayload()}
 */
public record Turn(String model, String role, Long timestampMs, Long delayMs, Integer maxTokens, List<Text> texts,
                   JsonNode rawPayload) {
    public Turn {
        texts = List.copyOf(texts);
        rawPayload = rawPayload == null ? null : rawPayload.deepCopy();
    }

    /** A turn without a raw payload. */
    public Turn(String model, String role, Long timestampMs, Long delayMs, Integer maxTokens, List<Text> texts) {
        this(model, role, timestampMs, delayMs, maxTokens, texts, null);
    }

    /** A copy of the raw payload (the turn itself stays immutable), or null when it has none. */
    @Override
    public JsonNode rawPayload() {
        return rawPayload == null ? null : rawPayload.deepCopy();
    }

    /** Whether this turn carries a raw payload. */
    public boolean hasRawPayload() {
        return rawPayload != null;
    }

    /** A named batch of text contents. */
    public record Text(String name, List<String> contents) {
        public Text {
            contents = List.copyOf(contents);
        }
    }

    /** A plain user turn with one text batch named {@code text}. */
    public static Turn ofText(String text, Integer maxTokens) {
        return new Turn(null, null, null, null, maxTokens, List.of(new Text("text", List.of(text))));
    }

    /** Every non-empty text content, in order. */
    public List<String> allTexts() {
        return texts.stream().flatMap(t -> t.contents().stream()).filter(s -> !s.isEmpty()).toList();
    }

    public Turn withModelAndMaxTokens(String newModel, Integer newMaxTokens) {
        return new Turn(newModel, role, timestampMs, delayMs, newMaxTokens, texts, rawPayload);
    }
}
