package dev.aiperf.tokenizer;

import dev.aiperf.api.tokenizer.Tokenizer;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * A tiktoken byte-pair encoding from JTokkit, fully offline. Special tokens in the text are
 * encoded as ordinary text, like {@code add_special_tokens=False} in the original.
 */
final class JTokkitTokenizer implements Tokenizer {

    private final String name;
    private final Encoding encoding;

    JTokkitTokenizer(String name, Encoding encoding) {
        this.name = name;
        this.encoding = encoding;
    }

    @Override
    public String name() {
        return name;
    }

    /** The JTokkit encoding name, e.g. {@code o200k_base} for the tokenizer named {@code gpt-4o}. */
    String encodingName() {
        return encoding.getName();
    }

    @Override
    public int[] encode(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    @Override
    public String decode(int[] tokens) {
        return decode(tokens, 0, tokens.length);
    }

    @Override
    public String decode(int[] tokens, int from, int to) {
        IntArrayList list = new IntArrayList(to - from);
        for (int i = from; i < to; i++) {
            list.add(tokens[i]);
        }
        return encoding.decode(list);
    }

    @Override
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    @Override
    public String toString() {
        return "Tokenizer[" + name + " -> " + encoding.getName() + "]";
    }
}
