package dev.aiperf.cli.profile;

import picocli.CommandLine.Option;

/** Options of the "Tokenizer" group. */
public final class TokenizerOptions {

    @Option(names = "--tokenizer", paramLabel = "<name>",
            description = "Tokenizer for client-side token counts and synthetic prompts (default: cl100k_base).")
    String tokenizer;
}
