package dev.aiperf.transport;

import dev.aiperf.api.transport.TransportRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request bytes against what Netty's encoder wrote for the request this transport used to build. */
class Http1RequestWriterTests {

    private final Http1RequestWriter writer = new Http1RequestWriter();

    @Test
    void theBytesAreNettysForEveryShapeOfRequest() {
        List<Map<String, String>> headerSets = List.of(
                headers("User-Agent", "aiperf/dev", "X-Request-ID", "a1", "Content-Type", "application/json",
                        "Accept", "text/event-stream"),
                headers("Authorization", "Bearer k", "x-custom", "v\twith tab", "Host", "example.org:9"),
                headers("content-length", "999", "X-A", "1", "x-a", "2", "Connection", "keep-alive"),
                headers("X-Utf", "caf\u00e9 \ud83d\ude00!", "Empty", ""),
                Map.of());
        List<URI> urls = List.of(URI.create("http://127.0.0.1:8080/v1/chat/completions"),
                URI.create("http://localhost/v1/completions?api-version=2&x=%20y"), URI.create("https://[::1]:8443"),
                URI.create("https://example.com/"));
        for (URI url : urls) {
            Origin origin = Origin.of(url);
            for (Map<String, String> headers : headerSets) {
                for (boolean close : new boolean[] {false, true}) {
                    byte[] body = ("{\"model\":\"m\",\"n\":" + headers.size() + "}").getBytes(StandardCharsets.UTF_8);
                    TransportRequest request = new TransportRequest(url, headers, body, null, "m", 0L);
                    assertThat(text(writer.write(ByteBufAllocator.DEFAULT, request, origin, close)))
                            .as(url + " " + headers + " close=" + close)
                            .isEqualTo(text(nettyEncoded(request, origin, close)));
                }
            }
        }
    }

    @Test
    void headersNettyRefusesFailTheRequestWithTheirName() {
        URI url = URI.create("http://127.0.0.1:1/v1/chat/completions");
        assertThatThrownBy(() -> write(url, headers("Bad Name", "x")))
                .isInstanceOf(Http1RequestWriter.InvalidHeaderException.class).hasMessageContaining("'Bad Name'");
        assertThatThrownBy(() -> write(url, headers("X-Split", "a\r\nInjected: yes")))
                .isInstanceOf(Http1RequestWriter.InvalidHeaderException.class).hasMessageContaining("'X-Split'");
        assertThatThrownBy(() -> write(url, headers("X-Lead", " space")))
                .isInstanceOf(Http1RequestWriter.InvalidHeaderException.class);
        // Netty refuses these too: the reference agrees
        assertThatThrownBy(() -> nettyEncoded(new TransportRequest(url, headers("X-Split", "a\r\nb"), new byte[0], null,
                null, 0L), Origin.of(url), false)).isInstanceOf(IllegalArgumentException.class);
    }

    private void write(URI url, Map<String, String> headers) {
        writer.write(ByteBufAllocator.DEFAULT, new TransportRequest(url, headers, new byte[0], null, null, 0L),
                Origin.of(url), false).release();
    }

    /** What the transport sent before: a DefaultFullHttpRequest through Netty's HttpRequestEncoder. */
    private static ByteBuf nettyEncoded(TransportRequest request, Origin origin, boolean closeAfter) {
        FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                Http1RequestWriter.target(request.url()), Unpooled.wrappedBuffer(request.body()));
        HttpHeaders headers = http.headers();
        headers.set(HttpHeaderNames.HOST, origin.hostHeader());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        headers.set(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
        if (closeAfter) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestEncoder());
        channel.writeOutbound(http);
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
            all.writeBytes(part);
            part.release();
        }
        channel.finishAndReleaseAll();
        return all;
    }

    private static String text(ByteBuf bytes) {
        try {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        } finally {
            bytes.release();
        }
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
