/**
 * Tokenizers as plugins: category {@code tokenizer}, whose {@link dev.aiperf.api.tokenizer.TokenizerLoader}s turn
 * the {@code --tokenizer} value into a {@link dev.aiperf.api.tokenizer.Tokenizer}.
 */
package dev.aiperf.api.tokenizer;
