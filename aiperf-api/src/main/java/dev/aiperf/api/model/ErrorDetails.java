package dev.aiperf.api.model;

/**
 * Why a request failed, in the shape the original writes to exports.
 *
 * @param code    HTTP status, or a pseudo code (499 cancelled, 0 send timeout), or null
 * @param type    reason phrase or exception type, e.g. {@code Internal Server Error}
 * @param message body text or exception message
 */
public record ErrorDetails(Integer code, String type, String message) {
}
