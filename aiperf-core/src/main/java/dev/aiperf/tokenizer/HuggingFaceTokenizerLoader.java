package dev.aiperf.tokenizer;

import dev.aiperf.api.tokenizer.TokenizerLoader;
import dev.aiperf.api.tokenizer.TokenizerLookup;
import dev.aiperf.api.tokenizer.TokenizerSpec;
import dev.aiperf.environment.AiperfEnvironment;
import dev.aiperf.tokenizers.HubCache;
import dev.aiperf.tokenizers.LocalTokenizers;
import dev.aiperf.tokenizers.TokenizerFiles;

import java.io.UncheckedIOException;

/**
 * Built-in {@code tokenizer} plugin {@code huggingface}: a {@code tokenizer.json} file, a folder holding one, or a
 * model id found in the local Hugging Face cache at the asked revision. Never downloads, never runs model code
 * ({@code --tokenizer-trust-remote-code} changes nothing: only tokenizer.json is read).
 */
public final class HuggingFaceTokenizerLoader implements TokenizerLoader {

    @Override
    public TokenizerLookup lookup(TokenizerSpec spec) {
        TokenizerFiles.Search search = TokenizerFiles.find(spec.name(), spec.revision(), HubCache.fromEnvironment(AiperfEnvironment.system().variables(), System.getProperty("user.home")));
        if (!search.found()) {
            return TokenizerLookup.notFound(search.notFoundMessage(spec.name()));
        }
        try {
            return TokenizerLookup.found(new LocalTokenizer(spec.name(),
                    LocalTokenizers.huggingFace(search.tokenizerJson().orElseThrow())));
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
