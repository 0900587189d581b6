package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.Errors;
import io.netty.handler.codec.DecoderException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** The error records of failures that are not an HTTP status: one clear type and message each. */
final class TransportErrors {

    static final String SSE_ERROR = "SSEResponseError";
    private static final int MAX_MESSAGE = 4096;
    /**
     * The native engines (epoll, io_uring) name the failed system call before the OS's words: "finishConnect(..)
     * failed with error(-111): Connection refused". Dropped, so an error reads the same on every {@code --io-engine}
     * and identical failures share one row of the error summary.
     */
    private static final Pattern NATIVE_CALL =
            Pattern.compile("^(?:io_uring )?\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: ");

    private TransportErrors() {
    }

    static ErrorDetails connectFailed(Origin origin, Throwable cause) {
        Throwable root = unwrap(cause);
        if (root instanceof ConnectTimeoutException) {
            return new ErrorDetails(null, "ConnectTimeout", "Timed out connecting to " + origin);
        }
        if (root instanceof TimeoutException) {
            return new ErrorDetails(null, "RequestTimeout", "Timed out waiting for a free connection to " + origin
                    + " (AIPERF_HTTP_CONNECTION_LIMIT connections are all busy)");
        }
        if (root instanceof UnknownHostException) {
            return new ErrorDetails(null, "ConnectionError", "Cannot connect to " + origin + ": unknown host");
        }
        if (root instanceof ConnectException) {
            return new ErrorDetails(null, "ConnectionError", "Cannot connect to " + origin + ": "
                    + describe(root));
        }
        return fromException("Cannot connect to " + origin, root);
    }

    static ErrorDetails invalidResponse(Origin origin, Throwable cause) {
        return new ErrorDetails(null, "InvalidHttpResponse", truncate("Invalid HTTP response from " + origin + ": "
                + describe(unwrap(cause))));
    }

    static ErrorDetails requestTimeout(Duration timeout) {
        return new ErrorDetails(null, "RequestTimeout", "The request did not complete within "
                + seconds(timeout) + " (--request-timeout-seconds)");
    }

    static ErrorDetails readTimeout(Duration timeout) {
        return new ErrorDetails(null, "ReadTimeout", "The server sent nothing for " + seconds(timeout)
                + " (AIPERF_HTTP_READ_TIMEOUT)");
    }

    /** No count of what was received in the message: the error summary groups identical messages. */
    static ErrorDetails disconnected(boolean headersReceived) {
        String when = !headersReceived ? "before sending a response" : "in the middle of the response";
        return new ErrorDetails(null, "ServerDisconnected", "The server closed the connection " + when);
    }

    static ErrorDetails transportClosed() {
        return new ErrorDetails(null, "TransportClosed", "The HTTP transport was closed while the request was in"
                + " flight");
    }

    static ErrorDetails sseError(String message) {
        return new ErrorDetails(502, SSE_ERROR, "Error occurred in SSE response: " + truncate(message));
    }

    static ErrorDetails httpStatus(int status, String reason, String body) {
        return new ErrorDetails(status, reason, truncate(body));
    }

    /** A failure while the exchange was on a connection (TLS, reset, malformed HTTP). */
    static ErrorDetails fromException(String context, Throwable error) {
        Throwable root = unwrap(error);
        // NIO reports the socket failures that epoll and io_uring report as NativeIoException as SocketException.
        String type = root instanceof SSLException ? "SSLError"
                : root instanceof Errors.NativeIoException ? "SocketException" : root.getClass().getSimpleName();
        return new ErrorDetails(null, type, truncate(context + ": " + describe(root)));
    }

    /** Netty wraps the cause of a decoding failure (TLS records, HTTP framing): report the cause. */
    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof DecoderException || current.getClass() == RuntimeException.class)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName()
                : NATIVE_CALL.matcher(message).replaceFirst("");
    }

    private static String seconds(Duration duration) {
        return "%.3f s".formatted(duration.toNanos() / 1e9);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "\u2026";
    }
}
