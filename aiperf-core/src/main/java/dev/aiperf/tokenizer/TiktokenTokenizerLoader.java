package dev.aiperf.tokenizer;

import dev.aiperf.api.tokenizer.TokenizerLoader;
import dev.aiperf.api.tokenizer.TokenizerLookup;
import dev.aiperf.api.tokenizer.TokenizerSpec;
import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.tokenizers.TiktokenTokenizer;

/** Built-in {@code tokenizer} plugin {@code tiktoken}: the bundled encodings, by encoding or OpenAI model name. */
public final class TiktokenTokenizerLoader implements TokenizerLoader {

    @Override
    public TokenizerLookup lookup(TokenizerSpec spec) {
        return TiktokenTokenizer.forName(spec.name())
                .map(encoding -> TokenizerLookup.found(new LocalTokenizer(spec.name(), encoding)))
                .orElseGet(() -> TokenizerLookup.notFound("not a bundled tiktoken encoding ("
                        + String.join(", ", TiktokenTokenizer.encodingNames())
                        + ") nor an OpenAI model name such as gpt-4o."
                        + NameSuggestions.didYouMean(spec.name(), TiktokenTokenizer.validNames())));
    }
}
