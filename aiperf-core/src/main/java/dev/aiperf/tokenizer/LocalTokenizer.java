package dev.aiperf.tokenizer;

import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.tokenizers.TextTokenizer;

/** A built-in tokenizer of aiperf-tokenizers seen through the plugin interface, under the name it was chosen by. */
record LocalTokenizer(String name, TextTokenizer delegate) implements Tokenizer {

    @Override
    public int[] encode(String text) {
        return delegate.encode(text);
    }

    @Override
    public String decode(int[] tokens) {
        return delegate.decode(tokens);
    }

    @Override
    public String decode(int[] tokens, int from, int to) {
        return delegate.decode(tokens, from, to);
    }

    @Override
    public int count(String text) {
        return delegate.count(text);
    }

    @Override
    public String toString() {
        return "Tokenizer[" + name + " -> " + delegate + "]";
    }
}
