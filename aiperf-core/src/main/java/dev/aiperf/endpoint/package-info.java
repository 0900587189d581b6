/**
 * The built-in OpenAI endpoints ({@code chat}, {@code completions}, {@code embeddings}) and
 * {@link dev.aiperf.endpoint.RequestFactory}, which turns a request into URL, headers and body bytes.
 */
package dev.aiperf.endpoint;
