package dev.aiperf.api.tokenizer;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TokenizerLoader} made of a {@link TokenizerSpec}: the tokenizer, or why it has none.
 *
 * @param tokenizer the tokenizer, or null when not found
 * @param notFound  when not found: one sentence on what was tried (for the user), else null
 */
public record TokenizerLookup(Tokenizer tokenizer, String notFound) {

    public TokenizerLookup {
        if ((tokenizer == null) == (notFound == null)) {
            throw new IllegalArgumentException("a lookup has either a tokenizer or a not-found reason");
        }
    }

    public static TokenizerLookup found(Tokenizer tokenizer) {
        return new TokenizerLookup(Objects.requireNonNull(tokenizer, "tokenizer"), null);
    }

    public static TokenizerLookup notFound(String reason) {
        return new TokenizerLookup(null, Objects.requireNonNull(reason, "reason"));
    }

    public Optional<Tokenizer> result() {
        return Optional.ofNullable(tokenizer);
    }
}
