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

    /** Relevance scores of a rankings API, one per ranked passage, in the order the server gave them. */
    record Rankings(List<Ranking> rankings) implements ResponseData {
        public Rankings {
            rankings = List.copyOf(rankings);
        }
    }

    /**
     * One ranked passage.
     *
     * @param index the passage's position in the request
     * @param score its relevance score
     */
    record Ranking(int index, double score) {
    }

    /**
     * Generated images (an image generation API): each a base64 payload or a URL, as the server sent it.
     * A streamed partial image counts as one image of its chunk.
     */
    record Images(List<Image> images) implements ResponseData {
        public Images {
            images = List.copyOf(images);
        }
    }

    /**
     * One generated image.
     *
     * @param b64Json           the image as base64, or null
     * @param url               where the server put it, or null
     * @param partialImageIndex the index of a streamed partial image, or null for a final one
     */
    record Image(String b64Json, String url, Integer partialImageIndex) {
    }

    /** The non-reasoning output text of this data, or "" when there is none. */
    default String outputText() {
        return switch (this) {
            case Text t -> t.text() == null ? "" : t.text();
            case Reasoning r -> r.content() == null ? "" : r.content();
            case Embeddings e -> "";
            case Rankings r -> "";
            case Images i -> "";
        };
    }

    /** The reasoning text of this data, or "" when there is none. */
    default String reasoningText() {
        return this instanceof Reasoning r && r.reasoning() != null ? r.reasoning() : "";
    }
}
