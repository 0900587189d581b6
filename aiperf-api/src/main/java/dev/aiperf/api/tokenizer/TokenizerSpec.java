package dev.aiperf.api.tokenizer;

import java.util.Objects;

/**
 * What the user asked for: {@code --tokenizer}, {@code --tokenizer-revision} and
 * {@code --tokenizer-trust-remote-code}.
 *
 * @param name            a tiktoken encoding, a Hugging Face model id, a folder or a tokenizer.json file, or
 *                        whatever another {@link TokenizerLoader} understands
 * @param revision        hub branch, tag or commit for model ids ({@code main} when not given)
 * @param trustRemoteCode accepted for compatibility with the original; built-in loaders never run model code
 */
public record TokenizerSpec(String name, String revision, boolean trustRemoteCode) {

    public static final String DEFAULT_REVISION = "main";

    public TokenizerSpec {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        revision = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision.strip();
    }

    /** {@code name} at revision {@code main}. */
    public static TokenizerSpec of(String name) {
        return new TokenizerSpec(name, null, false);
    }
}
