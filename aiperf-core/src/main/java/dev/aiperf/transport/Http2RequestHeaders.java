package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The HEADERS of a request: pseudo-headers, then the request's own headers in lower case (RFC 9113 §8.2). */
final class Http2RequestHeaders {

    /** Connection-specific fields are forbidden in HTTP/2 (RFC 9113 §8.2.2); {@code :authority} replaces Host. */
    private static final Set<String> DROPPED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "host", "content-length");

    private Http2RequestHeaders() {
    }

    static Http2Headers of(TransportRequest request, Origin origin) {
        URI url = request.url();
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        Http2Headers headers = new DefaultHttp2Headers(false, request.headers().size() + 1)
                .method("POST")
                .scheme(origin.secure() ? "https" : "http")
                .authority(origin.hostHeader())
                .path(path);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!DROPPED.contains(name)) {
                headers.set(name, header.getValue());
            }
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
        return headers;
    }
}
