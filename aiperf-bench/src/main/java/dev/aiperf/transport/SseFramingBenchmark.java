package dev.aiperf.transport;

import dev.aiperf.api.model.ReceivedResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The event loop's framing of one streamed response into SSE events ({@link SseStreamParser}): a 64-token
 * chat response as the mock server sends it (a send-stamp comment and one {@code data:} line per event,
 * then {@code [DONE]}), its events stored as the transport stores them (a {@link ResponseStore} per
 * response, sized from the previous one) and handed over as the record's list. Divide by 65 for the cost
 * per event.
 *
 * <p>{@code response} feeds the whole body in one heap buffer (the figure compared across versions);
 * {@code responseInChunks} feeds it as Netty's HTTP decoder hands it over from the mock: one slice of a
 * direct buffer per event.
 *
 * <p>Run: {@code java -jar aiperf-bench/target/benchmarks.jar SseFramingBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SseFramingBenchmark {

    static final int TOKENS = 64;

    private final SseStreamParser parser = new SseStreamParser();
    private final SseStreamParser.EventSink sink = new DiscardingEventSink();
    private ByteBuf body;
    /** One slice per event, made once: Netty's decoder hands over recycled slices, so none is counted here. */
    private ByteBuf[] eventChunks;
    private int lastCount;
    private int lastBytes;

    @Setup
    public void setUp() {
        StringBuilder text = new StringBuilder();
        int[] eventEnds = new int[TOKENS + 1];
        for (int i = 0; i < TOKENS; i++) {
            text.append(": t=").append(1_000_000_000_000L + i).append('\n')
                    .append("data: {\"id\":\"chatcmpl-3f9c2a4e-5d1b-4c7e-9a0f-1b2c3d4e5f60\",\"object\":\"chat.completion.chunk\",")
                    .append("\"created\":1764777600,\"model\":\"mock-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" t")
                    .append(i).append("\"}}]}\n\n");
            eventEnds[i] = text.length();
        }
        text.append(": t=1000000000099\ndata: [DONE]\n\n");
        eventEnds[TOKENS] = text.length();
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
        ByteBuf directBody = Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
        eventChunks = new ByteBuf[TOKENS + 1];
        int from = 0;
        for (int i = 0; i <= TOKENS; i++) {
            eventChunks[i] = directBody.slice(from, eventEnds[i] - from);
            from = eventEnds[i];
        }
        if (response().size() != TOKENS + 1 || responseInChunks().size() != TOKENS + 1) {
            throw new IllegalStateException("framed " + response().size() + " events");
        }
    }

    /** One response in one read: framed, its events stored and handed over. */
    @Benchmark
    public ReceivedResponses response() {
        ResponseStore store = begin();
        parser.feed(body, 42L, sink);
        return end(store);
    }

    /** One response, one event per HTTP chunk (slices of a direct buffer, as the HTTP decoder hands them over). */
    @Benchmark
    public ReceivedResponses responseInChunks() {
        ResponseStore store = begin();
        for (ByteBuf chunk : eventChunks) {
            parser.feed(chunk, 42L, sink);
        }
        return end(store);
    }

    private ResponseStore begin() {
        ResponseStore store = new ResponseStore();
        store.reserve(lastCount, lastBytes + (lastBytes >> 3));
        parser.begin(store);
        return store;
    }

    private ReceivedResponses end(ResponseStore store) {
        parser.finish(43L, sink);
        lastCount = store.size();
        lastBytes = store.byteCount();
        return store.snapshot();
    }
}
