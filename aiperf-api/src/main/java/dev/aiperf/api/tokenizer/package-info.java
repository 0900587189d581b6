/**
 * Tokenizers: the {@link dev.aiperf.api.tokenizer.Tokenizer} a run counts and sizes tokens with (plugins receive it
 * in their context), and plugin category {@code tokenizer}, whose {@link dev.aiperf.api.tokenizer.TokenizerLoader}s
 * turn the {@code --tokenizer} value into one.
 */
package dev.aiperf.api.tokenizer;
