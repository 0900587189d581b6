package dev.aiperf.transport;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.ReferenceCountUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Netty's HTTP/1.1 response decoder ({@link HttpResponseDecoder}, as the transport configures it) on one
 * streamed 64-token response, each read in a pooled direct buffer as a socket read is. {@code fast}: as the
 * mock server sends it in {@code --fast} mode, headers and all 65 SSE events in one HTTP chunk, in one read
 * (the client's event loop makes about 1.2 read calls per request in that benchmark); {@code paced}: one HTTP
 * chunk per event, each in its own read, as a server sends tokens as they are made. {@code decode} is the
 * decoder alone (its messages released unread), {@code decodeAndFrame} the decoder with the SSE framing
 * behind it: what the event loop does per response, without the socket. Tells whether a leaner HTTP path
 * (a hand-written chunked decoder) would be worth it.
 *
 * <p>Run: {@code java -jar aiperf-bench/target/benchmarks.jar HttpStreamDecodeBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HttpStreamDecodeBenchmark {

    @Param({"fast", "paced"})
    public String shape;

    /** The response's socket reads. */
    private byte[][] reads;
    private EmbeddedChannel decodeOnly;
    private EmbeddedChannel decodeAndFrame;
    private final SseStreamParser parser = new SseStreamParser();
    private final SseStreamParser.EventSink sink = new DiscardingEventSink();
    private int events;

    @Setup
    public void setUp() {
        List<byte[]> eventBytes = new ArrayList<>();
        for (int i = 0; i < SseFramingBenchmark.TOKENS; i++) {
            eventBytes.add(ascii(": t=" + (1_000_000_000_000L + i) + "\n"
                    + "data: {\"id\":\"chatcmpl-3f9c2a4e-5d1b-4c7e-9a0f-1b2c3d4e5f60\",\"object\":\"chat.completion.chunk\","
                    + "\"created\":1764777600,\"model\":\"mock-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" t"
                    + i + "\"}}]}\n\n"));
        }
        eventBytes.add(ascii(": t=1000000000099\ndata: [DONE]\n\n"));
        byte[] head = ascii("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\n"
                + "cache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n");
        byte[] end = ascii("0\r\n\r\n");
        List<byte[]> shaped = new ArrayList<>();
        if (shape.equals("fast")) {
            shaped.add(concat(List.of(head, chunk(concat(eventBytes)), end)));
        } else {
            shaped.add(head);
            for (byte[] event : eventBytes) {
                shaped.add(chunk(event));
            }
            shaped.add(end);
        }
        reads = shaped.toArray(new byte[0][]);

        decodeOnly = new EmbeddedChannel(decoder(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
            }
        });
        decodeAndFrame = new EmbeddedChannel(decoder(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    if (msg instanceof HttpContent content) {
                        parser.feed(content.content(), 42L, sink);
                    }
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
        });
        decodeAndFrame();
        if (events != SseFramingBenchmark.TOKENS + 1) {
            throw new IllegalStateException("framed " + events + " events");
        }
    }

    @TearDown
    public void tearDown() {
        decodeOnly.finishAndReleaseAll();
        decodeAndFrame.finishAndReleaseAll();
    }

    private static HttpResponseDecoder decoder() {
        return new HttpResponseDecoder(new HttpDecoderConfig().setMaxChunkSize(64 * 1024));
    }

    /** The response through the decoder alone. */
    @Benchmark
    public void decode() {
        read(decodeOnly);
    }

    /** The response through the decoder and the SSE framing into a store. */
    @Benchmark
    public int decodeAndFrame() {
        ResponseStore store = new ResponseStore();
        store.reserve(SseFramingBenchmark.TOKENS + 1, 14 * 1024);
        parser.begin(store);
        read(decodeAndFrame);
        parser.finish(43L, sink);
        events = store.size();
        return events;
    }

    /** Hands the response over read by read, each in a pooled direct buffer as a socket read is. */
    private void read(EmbeddedChannel channel) {
        for (byte[] bytes : reads) {
            channel.writeInbound(PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code data} as one HTTP/1.1 chunk. */
    private static byte[] chunk(byte[] data) {
        return concat(List.of(ascii(Integer.toHexString(data.length) + "\r\n"), data, ascii("\r\n")));
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = 0;
        for (byte[] part : parts) {
            n += part.length;
        }
        byte[] joined = new byte[n];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
