package dev.aiperf.records;

import dev.aiperf.api.tokenizer.Tokenizer;

/** A test tokenizer: one token per whitespace-separated word, so counts are obvious. */
final class WhitespaceTokenizer implements Tokenizer {
    @Override
    public String name() {
        return "whitespace";
    }

    @Override
    public int[] encode(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? new int[0] : new int[trimmed.split("\\s+").length];
    }

    @Override
    public String decode(int[] tokens) {
        return "w ".repeat(tokens.length).trim();
    }
}
