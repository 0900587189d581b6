package dev.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Answers {@code /v1/embeddings}: one 768-dimension vector per input, each component uniform in [-0.5, 0.5) from a
 * generator seeded by the SHA-256 of the input, so the same text always gets the same vector. Components are written
 * with six decimals by hand: formatting doubles would dominate the cost of this endpoint.
 */
final class EmbeddingEncoder {

    static final int DIMENSIONS = 768;
    private static final int DECIMALS = 1_000_000;

    private EmbeddingEncoder() {
    }

    /** The texts of {@code input}: a string, or an array of strings (other items count by their JSON text). */
    static List<String> inputs(JsonNode body) {
        InferenceRequest.requireObject(body);
        JsonNode input = body.get("input");
        if (input != null && input.isTextual()) {
            return List.of(input.textValue());
        }
        if (input != null && input.isArray()) {
            List<String> texts = new ArrayList<>(input.size());
            input.forEach(item -> texts.add(item.isTextual() ? item.textValue() : item.toString()));
            return texts;
        }
        throw new InvalidRequestException("'input' must be a string or an array of strings");
    }

    /** The {@code {"object":"list","model",…,"data":[…],"usage":…}} body. */
    static ByteBuf body(ByteBufAllocator alloc, byte[] quotedModel, List<String> inputs, MockTokenizer tokenizer,
                        boolean malformed) {
        ByteBuf out = alloc.buffer(128 + inputs.size() * (DIMENSIONS * 10 + 48));
        out.writeCharSequence("{\"object\":\"list\",\"model\":", StandardCharsets.US_ASCII);
        out.writeBytes(quotedModel);
        out.writeCharSequence(",\"data\":[", StandardCharsets.US_ASCII);
        for (int i = 0; i < inputs.size(); i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            out.writeCharSequence("{\"object\":\"embedding\",\"index\":" + i + ",\"embedding\":[",
                    StandardCharsets.US_ASCII);
            writeVector(out, inputs.get(i));
            out.writeCharSequence("]}", StandardCharsets.US_ASCII);
        }
        int promptTokens = tokenizer.count(String.join("\n", inputs));
        out.writeCharSequence("],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"total_tokens\":" + promptTokens
                + "}", StandardCharsets.US_ASCII);
        if (!malformed) {
            out.writeByte('}');
        }
        return out;
    }

    /** The vector of {@code text}, as {@link #body} writes it (rounded to six decimals). */
    static double[] vector(String text) {
        SplittableRandom random = new SplittableRandom(seed(text));
        double[] vector = new double[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = Math.round((random.nextDouble() - 0.5) * DECIMALS) / (double) DECIMALS;
        }
        return vector;
    }

    private static void writeVector(ByteBuf out, String text) {
        SplittableRandom random = new SplittableRandom(seed(text));
        for (int i = 0; i < DIMENSIONS; i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            long micros = Math.round((random.nextDouble() - 0.5) * DECIMALS);
            writeFixedPoint(out, micros);
        }
    }

    // Writes micros / 10^6 as [-]0.dddddd; |micros| ≤ 500000, so the integer part is always 0.
    private static void writeFixedPoint(ByteBuf out, long micros) {
        if (micros < 0) {
            out.writeByte('-');
            micros = -micros;
        }
        out.writeByte('0').writeByte('.');
        for (int divisor = DECIMALS / 10; divisor > 0; divisor /= 10) {
            out.writeByte('0' + (int) (micros / divisor % 10));
        }
    }

    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = seed << 8 | (digest[i] & 0xFF);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
