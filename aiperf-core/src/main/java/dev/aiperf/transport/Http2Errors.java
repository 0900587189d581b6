package dev.aiperf.transport;

import dev.aiperf.api.model.ErrorDetails;
import io.netty.handler.codec.http2.Http2Error;

/** The error records that only HTTP/2 has: streams reset or refused, and a failed protocol negotiation. */
final class Http2Errors {

    private Http2Errors() {
    }

    /** The server sent RST_STREAM, or the stream closed without its end. */
    /** No count of what was received in the message: the error summary groups identical messages. */
    static ErrorDetails streamReset(long errorCode, boolean headersReceived) {
        String when = !headersReceived ? "before sending a response" : "in the middle of the response";
        return new ErrorDetails(null, "StreamReset", "The server reset the HTTP/2 stream (" + codeName(errorCode)
                + ") " + when);
    }

    /** A GOAWAY from the server left this stream unprocessed. */
    static ErrorDetails refusedByGoAway(long errorCode) {
        return new ErrorDetails(null, "ServerDisconnected", "The server stopped accepting streams on the connection"
                + " (GOAWAY " + codeName(errorCode) + ") before answering this request");
    }

    /** TLS worked but the server did not agree to HTTP/2. */
    static ErrorDetails alpnRefused(Origin origin, String selected) {
        return new ErrorDetails(null, "HTTP2NotNegotiated", "The server at " + origin + " did not negotiate HTTP/2"
                + " via ALPN (selected: " + (selected == null ? "none" : selected) + "); use --transport http for"
                + " HTTP/1.1");
    }

    /** The connection ended before the server's SETTINGS: usually an HTTP/1.1-only server seeing the preface. */
    static ErrorDetails noHttp2(Origin origin, Throwable cause) {
        String reason = cause == null ? "it closed the connection" : TransportErrors.fromException("", cause).message()
                .replaceFirst("^: ", "");
        return new ErrorDetails(null, "ConnectionError", "Cannot start HTTP/2 with " + origin + ": " + reason
                + (origin.secure() ? "" : " (the http2 transport speaks h2c with prior knowledge; is this an HTTP/2"
                + " server?)"));
    }

    private static String codeName(long errorCode) {
        Http2Error error = Http2Error.valueOf(errorCode);
        return error == null ? "error " + errorCode : error.name();
    }
}
