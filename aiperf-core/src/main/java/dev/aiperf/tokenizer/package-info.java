/**
 * Offline tokenizers: {@link dev.aiperf.tokenizer.Tokenizers#forName} returns a bundled tiktoken encoding by
 * encoding or OpenAI model name.
 */
package dev.aiperf.tokenizer;
