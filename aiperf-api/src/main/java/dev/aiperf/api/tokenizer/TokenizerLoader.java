package dev.aiperf.api.tokenizer;

/**
 * A plugin of category {@code tokenizer}: turns a {@code --tokenizer} value into a {@link Tokenizer}. The engine
 * asks every registered loader, plugins before the built-ins ({@code tiktoken}, then {@code huggingface}), and
 * uses the first that finds one. A loader must not download anything and must answer quickly when the name is
 * not one of its own. Built with a public no-arg constructor.
 */
public interface TokenizerLoader {

    /**
     * The tokenizer {@code spec} names, or {@link TokenizerLookup#notFound} saying what was tried.
     *
     * @throws IllegalArgumentException when the name is this loader's but unusable (a corrupt file); the message
     *                                  is shown to the user as is
     */
    TokenizerLookup lookup(TokenizerSpec spec);
}
