package dev.aiperf.mock;

/** A request the mock cannot serve; its message becomes the {@code detail} of a {@code 400} answer. */
final class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String message) {
        // No stack trace: this is an answer to the client, not a bug of ours.
        super(message, null, false, false);
    }
}
