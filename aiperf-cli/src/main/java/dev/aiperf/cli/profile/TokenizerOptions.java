package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/** Options of the "Tokenizer" group. */
public final class TokenizerOptions {

    @Option(names = "--tokenizer", paramLabel = "<name>",
            description = "Tokenizer for client-side token counts and synthetic prompt lengths: a Hugging Face model"
                    + " id found in the local Hugging Face cache, a folder holding tokenizer.json, a tokenizer.json"
                    + " file, or a tiktoken encoding (cl100k_base, o200k_base, ...). Nothing is downloaded."
                    + " Default: the tokenizer of the first --model when found locally, else cl100k_base"
                    + " (with a warning).")
    String tokenizer;

    @Option(names = "--tokenizer-revision", paramLabel = "<revision>",
            description = "Branch, tag or commit of a Hugging Face model id in the local cache (default: main).")
    String revision;

    @Option(names = "--tokenizer-trust-remote-code",
            description = "Accepted for compatibility: only tokenizer.json is read, no model code is ever run.")
    boolean trustRemoteCode;

    /** Copies the options given into the core settings. */
    void applyTo(ProfileSettings.Tokenizer s) {
        s.name = tokenizer;
        s.revision = revision;
        s.trustRemoteCode = trustRemoteCode;
    }
}
