package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The bytes of one HTTP/1.1 request, head and body in one buffer: {@code POST <path> HTTP/1.1}, {@code Host},
 * the request's headers, {@code Content-Length}, {@code Connection: close} for a connection used once, then
 * the body. The same bytes Netty's {@code HttpRequestEncoder} writes for the {@code DefaultFullHttpRequest}
 * this transport used to build ({@code Http1RequestWriterTests} compares them): a later header replaces an
 * earlier one of the same name in any case, {@code Host} may be given by the request, the
 * {@code Content-Length} (and {@code Connection} when closing) are the transport's; names must be tokens and
 * values field content, else the request fails with {@link InvalidHeaderException}.
 *
 * <p>Hand-written rather than Netty's encoder (bench/README.md, "Chunk path"): building a headers map,
 * validating it and encoding it byte by byte into a direct buffer was about a sixth of the event loop's CPU
 * per request. Here the head is written into a reused array (the request line and {@code Host} kept while the
 * URL stays the same), and head and body go into the direct buffer in two bulk copies.
 *
 * <p>One per connection, used from its event loop only.
 */
final class Http1RequestWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] SEPARATOR = {':', ' '};
    private static final byte[] CONTENT_LENGTH = ascii("content-length: ");
    private static final byte[] CONNECTION_CLOSE = ascii("connection: close\r\n");

    private byte[] head = new byte[1024];
    private int length;
    // "POST <path> HTTP/1.1\r\n" and "host: <host>\r\n" of the last URL written.
    private URI lastUrl;
    private Origin lastOrigin;
    private byte[] requestLine;
    private byte[] hostLine;

    /** A name or value the HTTP codec would refuse: the request fails with this message. */
    static final class InvalidHeaderException extends IllegalArgumentException {
        InvalidHeaderException(String message) {
            super(message);
        }
    }

    /**
     * The request as one buffer of {@code allocator}'s (the caller writes it, which releases it).
     *
     * @throws InvalidHeaderException when a header name is not a token or a value is not field content
     */
    ByteBuf write(ByteBufAllocator allocator, TransportRequest request, Origin origin, boolean closeAfter) {
        URI url = request.url();
        if (url != lastUrl && !url.equals(lastUrl) || !origin.equals(lastOrigin)) {
            requestLine = ascii("POST " + target(url) + " HTTP/1.1\r\n");
            hostLine = ascii("host: " + origin.hostHeader() + "\r\n");
            lastUrl = url;
            lastOrigin = origin;
        }
        length = 0;
        append(requestLine);
        Map<String, String> headers = request.headers();
        if (!containsName(headers, "host", null)) {
            append(hostLine);
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            check(name, header.getValue());
            if (name.equalsIgnoreCase("content-length") || closeAfter && name.equalsIgnoreCase("connection")
                    || containsName(headers, name, name)) {
                continue; // replaced by the transport's own, or by a later header of the same name
            }
            appendHeader(name, header.getValue());
        }
        byte[] body = request.body();
        append(CONTENT_LENGTH);
        appendAscii(Integer.toString(body.length));
        append(CRLF);
        if (closeAfter) {
            append(CONNECTION_CLOSE);
        }
        append(CRLF);
        ByteBuf out = allocator.directBuffer(length + body.length);
        out.writeBytes(head, 0, length);
        out.writeBytes(body);
        return out;
    }

    /** The request target of a URL: its raw path ("/" when empty) and raw query. */
    static String target(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /**
     * Whether {@code headers} holds {@code name} in any case; with {@code after} set, only among the
     * entries after the one whose key is {@code after} (a later one replaces it).
     */
    private static boolean containsName(Map<String, String> headers, String name, String after) {
        boolean counting = after == null;
        for (String key : headers.keySet()) {
            if (counting && key.equalsIgnoreCase(name)) {
                return true;
            }
            if (!counting && key == after) {
                counting = true;
            }
        }
        return false;
    }

    /** Netty's header validation, for every header given, including those replaced later. */
    private static void check(String name, String value) {
        if (name.isEmpty() || !isToken(name)) {
            throw new InvalidHeaderException("The header name '" + name + "' is not valid: names are made of"
                    + " letters, digits and !#$%&'*+-.^_`|~");
        }
        if (!isFieldContent(value)) {
            throw new InvalidHeaderException("The value of header '" + name + "' is not valid: it must not start"
                    + " with a space or hold control characters such as line breaks");
        }
    }

    private void appendHeader(String name, String value) {
        // Netty writes names in the case given and values a byte per character ('?' past U+00FF).
        appendAscii(name);
        append(SEPARATOR);
        appendAscii(value);
        append(CRLF);
    }

    /** RFC 9110 token characters: what Netty's header validation accepts in a name. */
    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c < 0x7F && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** Field content as Netty checks it: a visible first character, then no control character but tab. */
    private static boolean isFieldContent(String value) {
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        if (first < 0x21 || first == 0x7F) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private void appendAscii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            head[length++] = c <= 0xFF ? (byte) c : (byte) '?'; // as Netty's AsciiString.c2b
        }
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, head, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > head.length) {
            head = Arrays.copyOf(head, Math.max(length + more, head.length * 2));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
