package dev.aiperf.api.model;

import java.util.List;

/** The content an endpoint parsed out of one response. */
public sealed interface ResponseData {

    /** Plain generated text. */
    record Text(String text) implements ResponseData {
    }

    /** A chunk carrying reasoning and/or content. */
    record Reasoning(String content, String reasoning) implements ResponseData {
    }

    /** Embedding vectors. */
    record Embeddings(List<float[]> embeddings) implements ResponseData {
        public Embeddings {
            embeddings = List.copyOf(embeddings);
        }
    }

    /** The non-reasoning output text of this data, or "" when there is none. */
    default String outputText() {
        return switch (this) {
            case Text t -> t.text() == null ? "" : t.text();
            case Reasoning r -> r.content() == null ? "" : r.content();
            case Embeddings e -> "";
        };
    }

    /** The reasoning text of this data, or "" when there is none. */
    default String reasoningText() {
        return this instanceof Reasoning r && r.reasoning() != null ? r.reasoning() : "";
    }
}
