package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/**
 * Writes an OpenAI image generation answer ({@code POST /v1/images/generations}). Whole: {@code {"created","data":
 * [{"b64_json"} or {"url"} per image],"usage"}}. Streamed (gpt-image style): for each of the {@code n} images,
 * {@code partial_images} events {@code image_generation.partial_image} then one {@code image_generation.completed}
 * with {@code usage}. Every image is the same 1×1 PNG: the mock measures the client, not a diffusion model.
 */
final class ImageEncoder implements StreamEncoder {

    /** A valid 1×1 PNG, base64. */
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    private static final byte[] EVENT_END = CompletionEncoder.ascii("\n\n");
    static final int MAX_IMAGES = 10;

    private final int images;
    private final int partialImages;
    private final boolean asUrl;
    private final int promptTokens;
    private final long created = System.currentTimeMillis() / 1000;
    private final String id = CompletionEncoder.randomUuid();

    /**
     * @param images        {@code n}
     * @param partialImages {@code partial_images} streamed before each final image
     * @param asUrl         {@code response_format} is {@code url}
     */
    ImageEncoder(int images, int partialImages, boolean asUrl, int promptTokens) {
        this.images = images;
        this.partialImages = partialImages;
        this.asUrl = asUrl;
        this.promptTokens = promptTokens;
    }

    /** Reads {@code n}, {@code partial_images} and {@code response_format}; checks {@code prompt}. */
    static ImageEncoder of(JsonNode body, MockTokenizer tokenizer) {
        InferenceRequest.requireObject(body);
        JsonNode prompt = body.get("prompt");
        if (prompt == null || !prompt.isTextual()) {
            throw new InvalidRequestException("'prompt' must be a string");
        }
        int n = count(body, "n", 1, 1, MAX_IMAGES);
        int partial = count(body, "partial_images", 0, 0, 3);
        String format = body.path("response_format").asText("b64_json");
        if (!format.equals("b64_json") && !format.equals("url")) {
            throw new InvalidRequestException("'response_format' must be b64_json or url, got " + format);
        }
        return new ImageEncoder(n, partial, format.equals("url"), tokenizer.count(prompt.textValue()));
    }

    private static int count(JsonNode body, String field, int fallback, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToExactIntegral() || value.intValue() < min || value.intValue() > max) {
            throw new InvalidRequestException("'" + field + "' must be an integer from " + min + " to " + max
                    + ", got " + value);
        }
        return value.intValue();
    }

    @Override
    public int eventCount() {
        return images * (partialImages + 1);
    }

    @Override
    public ByteBuf body(ByteBufAllocator alloc, boolean malformed) {
        StringBuilder json = new StringBuilder(128 + images * (PNG_BASE64.length() + 32))
                .append("{\"created\":").append(created).append(",\"data\":[");
        for (int i = 0; i < images; i++) {
            json.append(i == 0 ? "" : ",").append(asUrl
                    ? "{\"url\":\"https://mock.invalid/images/" + id + "-" + i + ".png\"}"
                    : "{\"b64_json\":\"" + PNG_BASE64 + "\"}");
        }
        json.append("],\"usage\":").append(usage()).append('}');
        ByteBuf out = alloc.buffer(json.length());
        out.writeCharSequence(malformed ? json.substring(0, json.length() - 1) : json, StandardCharsets.US_ASCII);
        return out;
    }

    @Override
    public int tokenEventSize(int k) {
        return CompletionEncoder.STAMP_SIZE + 512 + PNG_BASE64.length();
    }

    @Override
    public void writeTokenEvent(ByteBuf out, int k, boolean malformed, byte[] stamp) {
        int partial = k % (partialImages + 1);
        boolean completed = partial == partialImages;
        String type = completed ? "image_generation.completed" : "image_generation.partial_image";
        String json = "{\"type\":\"" + type + "\",\"b64_json\":\"" + PNG_BASE64 + "\",\"created_at\":" + created
                + ",\"size\":\"1x1\",\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\""
                + (completed ? ",\"usage\":" + usage() : ",\"partial_image_index\":" + partial) + "}";
        CompletionEncoder.writeStamp(out, stamp);
        out.writeCharSequence("event: " + type + "\ndata: ", StandardCharsets.US_ASCII);
        out.writeCharSequence(malformed ? json.substring(0, json.length() - 1) : json, StandardCharsets.US_ASCII);
        out.writeBytes(EVENT_END);
    }

    @Override
    public int endSize(boolean includeUsage) {
        return 0;
    }

    @Override
    public void writeEnd(ByteBuf out, boolean includeUsage, boolean malformedUsage, byte[] stamp) {
        // the last completed event ends the stream
    }

    private String usage() {
        return "{\"input_tokens\":" + promptTokens + ",\"input_tokens_details\":{\"text_tokens\":" + promptTokens
                + ",\"image_tokens\":0},\"output_tokens\":" + images + ",\"total_tokens\":" + (promptTokens + images)
                + "}";
    }
}
