/**
 * An OpenAI-compatible mock LLM server: start one with {@link dev.aiperf.mock.MockServer#start}. Everything else in
 * this package is internal.
 */
package dev.aiperf.mock;
