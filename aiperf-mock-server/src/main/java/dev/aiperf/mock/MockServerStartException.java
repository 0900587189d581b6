package dev.aiperf.mock;

/** The mock server could not start, typically because its address is in use; the message says which address. */
public final class MockServerStartException extends RuntimeException {

    MockServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
