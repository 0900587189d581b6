package dev.aiperf.dataset;

import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.tokenizers.ExactLengthText;
import dev.aiperf.tokenizers.TextTokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled public-domain Shakespeare text as one long token sequence (spec §3.3.1): non-empty
 * trimmed lines grouped into chunks of at least 10,000 characters, each chunk joined with spaces
 * and tokenized, the token lists concatenated. Tokenized once per tokenizer instance and cached.
 */
public final class PromptCorpus {

    static final String RESOURCE = "/dev/aiperf/dataset/shakespeare.txt";
    private static final int CHUNK_CHARS = 10_000;
    private static final Map<Tokenizer, PromptCorpus> CACHE = new ConcurrentHashMap<>();

    private final Tokenizer tokenizer;
    private final TextTokenizer text;
    private final int[] tokens;

    private PromptCorpus(Tokenizer tokenizer, int[] tokens) {
        this.tokenizer = tokenizer;
        this.text = new TextTokenizer() {
            @Override
            public int[] encode(String s) {
                return tokenizer.encode(s);
            }

            @Override
            public String decode(int[] ids, int from, int to) {
                return tokenizer.decode(ids, from, to);
            }

            @Override
            public int count(String s) {
                return tokenizer.count(s);
            }
        };
        this.tokens = tokens;
    }

    /** The corpus tokenized by {@code tokenizer}, computed on first use. */
    public static PromptCorpus forTokenizer(Tokenizer tokenizer) {
        return CACHE.computeIfAbsent(tokenizer, t -> new PromptCorpus(t, tokenize(t)));
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public int size() {
        return tokens.length;
    }

    /** Decodes {@code count} tokens starting at {@code start}, wrapping past the end. */
    public String decode(int start, int count) {
        return count <= 0 ? "" : tokenizer.decode(ExactLengthText.window(tokens, start, count));
    }

    /**
     * Text of exactly {@code count} tokens of the tokenizer (re-encoding it gives {@code count}), from the corpus
     * window at {@code start} or the nearest one after it that re-encodes exactly.
     */
    public String exactText(int start, int count) {
        return ExactLengthText.of(text, tokens, start, count);
    }

    /**
     * Text to append to {@code prefix} so that the whole is exactly {@code total} tokens, cut from the corpus
     * window at {@code start} (about {@code total} minus the prefix's tokens long) or the nearest one after it
     * that makes the count exact: tokens can merge across the join, so the whole is what is counted.
     *
     * @throws IllegalStateException when no window near {@code start} gives the exact count
     */
    public String exactSuffix(String prefix, int start, int total, int suffixTokens) {
        if (prefix.isEmpty()) {
            return exactText(start, total);
        }
        for (int attempt = 0; attempt < 64; attempt++) {
            int from = Math.floorMod(start + attempt, tokens.length);
            int length = Math.max(1, suffixTokens);
            for (int step = 0; step < 6; step++) {
                String suffix = decode(from, length);
                int count = tokenizer.count(prefix + suffix);
                if (count == total) {
                    return suffix;
                }
                length = Math.max(1, length + total - count);
            }
        }
        throw new IllegalStateException("no text makes a prompt of exactly " + total + " tokens after a "
                + tokenizer.count(prefix) + "-token prefix");
    }

    private static int[] tokenize(Tokenizer tokenizer) {
        List<int[]> parts = new ArrayList<>();
        int total = 0;
        for (String chunk : chunks(readLines())) {
            int[] encoded = tokenizer.encode(chunk);
            parts.add(encoded);
            total += encoded.length;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static List<String> chunks(List<String> lines) {
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String line : lines) {
            current.add(line);
            length += line.length();
            if (length >= CHUNK_CHARS) {
                chunks.add(String.join(" ", current));
                current.clear();
                length = 0;
            }
        }
        if (!current.isEmpty()) {
            chunks.add(String.join(" ", current));
        }
        return chunks;
    }

    private static List<String> readLines() {
        try (InputStream in = PromptCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The prompt corpus " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the prompt corpus " + RESOURCE, e);
        }
    }
}
