package dev.aiperf.mock;

/**
 * One request as the mock server received it, in arrival order.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path   the request path without its query, e.g. {@code /v1/chat/completions}
 * @param body   the body as UTF-8 text, empty when there was none
 */
public record RecordedRequest(String method, String path, String body) {
}
