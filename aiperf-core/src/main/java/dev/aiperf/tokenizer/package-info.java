/**
 * The built-in {@code tokenizer} plugins ({@code tiktoken}, {@code huggingface}) and
 * {@link dev.aiperf.tokenizer.Tokenizers}, which picks a run's tokenizer by asking the registry.
 */
package dev.aiperf.tokenizer;
