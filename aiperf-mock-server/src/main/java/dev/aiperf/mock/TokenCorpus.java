package dev.aiperf.mock;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The text the mock generates from: public-domain Shakespeare sonnets, one line of text split by the server's
 * {@link MockTokenizer}. Each token is held JSON-escaped in UTF-8 so that writing one costs a copy.
 * Output token {@code i} of a response starting at {@code start} is corpus token {@code (start + i) mod size}.
 */
final class TokenCorpus {

    private static final String RESOURCE = "sonnets.txt";
    /** How far {@link #exactStart} moves a run at most, and how many answers it remembers. */
    private static final int MAX_SHIFT = 64;
    private static final int MAX_REMEMBERED = 100_000;

    private final MockTokenizer tokenizer;
    private final Map<Long, Integer> exactStarts = new ConcurrentHashMap<>();
    private final String[] tokens;
    private final byte[][] escaped;
    /** {@code escapedPrefix[i]} = total escaped length of tokens {@code 0..i-1}; sizes ranges in O(1). */
    private final long[] escapedPrefix;

    private TokenCorpus(MockTokenizer tokenizer, List<String> tokens) {
        this.tokenizer = tokenizer;
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the token corpus is empty");
        }
        this.tokens = tokens.toArray(String[]::new);
        this.escaped = new byte[this.tokens.length][];
        this.escapedPrefix = new long[this.tokens.length + 1];
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        for (int i = 0; i < this.tokens.length; i++) {
            escaped[i] = encoder.quoteAsUTF8(this.tokens[i]);
            escapedPrefix[i + 1] = escapedPrefix[i] + escaped[i].length;
        }
    }

    /** The bundled sonnets cut by the character-chunk tokenizer. */
    static TokenCorpus shakespeare() {
        return shakespeare(MockTokenizer.CHAR_CHUNKS);
    }

    /** The bundled sonnets, lines trimmed and joined by single spaces as the original does, cut by {@code tokenizer}. */
    static TokenCorpus shakespeare(MockTokenizer tokenizer) {
        try (InputStream in = TokenCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the mock server jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return fromText(text, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mock server corpus " + RESOURCE, e);
        }
    }

    static TokenCorpus fromText(String text) {
        return fromText(text, MockTokenizer.CHAR_CHUNKS);
    }

    static TokenCorpus fromText(String text, MockTokenizer tokenizer) {
        String oneLine = text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" "));
        return new TokenCorpus(tokenizer, tokenizer.pieces(oneLine));
    }

    MockTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Where a run of {@code count} tokens should start so that a client encoding its text again counts exactly
     * {@code count}: {@code start} itself, or the first of the next few positions whose run does (a run's edges may
     * merge or split differently once cut out). Always {@code start} for character chunks. Remembered per
     * (start, count), so the tokenizer runs once per distinct run, not per request.
     */
    int exactStart(int start, int count) {
        if (!tokenizer.retokenizes() || count <= 0) {
            return start;
        }
        long key = ((long) start << 32) | count;
        Integer known = exactStarts.get(key);
        if (known != null) {
            return known;
        }
        int found = start;
        for (int shift = 0; shift < MAX_SHIFT; shift++) {
            int candidate = (start + shift) % tokens.length;
            if (tokenizer.count(text(candidate, count)) == count) {
                found = candidate;
                break;
            }
        }
        if (exactStarts.size() < MAX_REMEMBERED) {
            exactStarts.put(key, found);
        }
        return found;
    }

    int size() {
        return tokens.length;
    }

    String token(int index) {
        return tokens[index];
    }

    /** The text of {@code count} consecutive tokens from {@code start}, wrapping around. */
    String text(int start, int count) {
        StringBuilder text = new StringBuilder(count * 5);
        for (int i = 0; i < count; i++) {
            text.append(tokens[(start + i) % tokens.length]);
        }
        return text.toString();
    }

    /** Writes token {@code index} as a JSON string, quotes included. */
    void writeQuoted(ByteBuf out, int index) {
        out.writeByte('"').writeBytes(escaped[index]).writeByte('"');
    }

    /** Bytes that {@link #writeQuoted} writes for token {@code index}. */
    int quotedLength(int index) {
        return escaped[index].length + 2;
    }

    /** Writes {@code count} consecutive tokens from {@code start} as the escaped inside of one JSON string. */
    void writeEscapedRun(ByteBuf out, int start, int count) {
        for (int i = 0; i < count; i++) {
            out.writeBytes(escaped[(start + i) % tokens.length]);
        }
    }

    /** Bytes that {@link #writeEscapedRun} writes. */
    long escapedRunLength(int start, int count) {
        int size = tokens.length;
        long fullCycles = count / size;
        int rest = count % size;
        long length = fullCycles * escapedPrefix[size];
        int end = start + rest;
        if (end <= size) {
            length += escapedPrefix[end] - escapedPrefix[start];
        } else {
            length += escapedPrefix[size] - escapedPrefix[start] + escapedPrefix[end - size];
        }
        return length;
    }
}
