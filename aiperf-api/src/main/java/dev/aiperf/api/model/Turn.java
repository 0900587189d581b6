package dev.aiperf.api.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One turn of a conversation: one HTTP request. Texts and media are lists of named batches, like
 * the original's {@code Media{name, contents}}; synthetic data uses a single text batch named
 * {@code text}.
 *
 * <p>Media contents are strings as the original carries them (spec §3.2): an image or a video is a
 * URL or a data URI ({@code data:image/png;base64,...}, {@code data:video/mp4;base64,...}); an audio
 * clip is {@code "<format>,<base64>"}, e.g. {@code "wav,UklGR..."} (see {@link AudioContent}).
 *
 * @param model       model to send this turn to, or null for the first configured model
 * @param role        message role, null means {@code user}
 * @param timestampMs fixed-schedule send time, or null
 * @param delayMs     think time before this turn (non-first turns), or null
 * @param maxTokens   requested output length, or null to send none
 * @param texts       named text batches
 * @param images      named image batches (URLs or data URIs), empty for none
 * @param audios      named audio batches ({@code "<format>,<base64>"}), empty for none
 * @param videos      named video batches (URLs or data URIs), empty for none
 * @param rawPayload  a request body to send exactly as it is (the {@code raw} endpoint, the {@code raw_payload}
 *                    dataset), or null; kept as a private copy, read it through {@link #rawPayload()}
 */
public record Turn(String model, String role, Long timestampMs, Long delayMs, Integer maxTokens, List<Text> texts,
                   List<Media> images, List<Media> audios, List<Media> videos, JsonNode rawPayload) {
    public Turn {
        texts = List.copyOf(texts);
        images = images == null ? List.of() : List.copyOf(images);
        audios = audios == null ? List.of() : List.copyOf(audios);
        videos = videos == null ? List.of() : List.copyOf(videos);
        rawPayload = rawPayload == null ? null : rawPayload.deepCopy();
    }

    /** A turn with media and no raw payload. */
    public Turn(String model, String role, Long timestampMs, Long delayMs, Integer maxTokens, List<Text> texts,
                List<Media> images, List<Media> audios, List<Media> videos) {
        this(model, role, timestampMs, delayMs, maxTokens, texts, images, audios, videos, null);
    }

    /** A text turn carrying a raw payload. */
    public Turn(String model, String role, Long timestampMs, Long delayMs, Integer maxTokens, List<Text> texts,
                JsonNode rawPayload) {
        this(model, role, timestampMs, delayMs, maxTokens, texts, List.of(), List.of(), List.of(), rawPayload);
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

    /** A text-only turn: the shape every turn had before media, kept so existing code compiles. */
    public Turn(String model, String role, Long timestampMs, Long delayMs, Integer maxTokens, List<Text> texts) {
        this(model, role, timestampMs, delayMs, maxTokens, texts, List.of(), List.of(), List.of());
    }

    /** A named batch of text contents. */
    public record Text(String name, List<String> contents) {
        public Text {
            contents = List.copyOf(contents);
        }
    }

    /**
     * A named batch of media contents (images, audio clips or videos), like the original's
     * {@code Image}/{@code Audio}/{@code Video}. Synthetic media use the names {@code image_url},
     * {@code input_audio} and {@code video_url}; plain strings from a dataset file use {@code ""}.
     */
    public record Media(String name, List<String> contents) {
        public Media {
            name = name == null ? "" : name;
            contents = List.copyOf(contents);
        }
    }

    /** A plain user turn with one text batch named {@code text}. */
    public static Turn ofText(String text, Integer maxTokens) {
        return new Turn(null, null, null, null, maxTokens, List.of(new Text("text", List.of(text))));
    }

    /** Every non-empty text content, in order (a loop: the records path asks for every request). */
    public List<String> allTexts() {
        if (texts.size() == 1 && texts.getFirst().contents().size() == 1) {
            String only = texts.getFirst().contents().getFirst();
            return only.isEmpty() ? List.of() : List.of(only);
        }
        List<String> all = new ArrayList<>();
        for (Text text : texts) {
            for (String content : text.contents()) {
                if (!content.isEmpty()) {
                    all.add(content);
                }
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** Every non-empty image content (URL or data URI), in order. */
    public List<String> allImages() {
        return nonEmpty(images);
    }

    /** Every non-empty audio content ({@code "<format>,<base64>"}), in order. */
    public List<String> allAudios() {
        return nonEmpty(audios);
    }

    /** Every non-empty video content (URL or data URI), in order. */
    public List<String> allVideos() {
        return nonEmpty(videos);
    }

    /** True when the turn carries at least one image, audio or video batch. */
    public boolean hasMedia() {
        return !images.isEmpty() || !audios.isEmpty() || !videos.isEmpty();
    }

    public Turn withModelAndMaxTokens(String newModel, Integer newMaxTokens) {
        return new Turn(newModel, role, timestampMs, delayMs, newMaxTokens, texts, images, audios, videos, rawPayload);
    }

    /** The same turn with these media batches instead of its own. */
    public Turn withMedia(List<Media> newImages, List<Media> newAudios, List<Media> newVideos) {
        return new Turn(model, role, timestampMs, delayMs, maxTokens, texts, newImages, newAudios, newVideos, rawPayload);
    }

    private static List<String> nonEmpty(List<Media> batches) {
        return batches.stream().flatMap(m -> m.contents().stream()).filter(s -> !s.isEmpty()).toList();
    }
}
