package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
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
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The event loop's framing of one streamed response into SSE events ({@link SseStreamParser}): a 64-token
 * chat response as the mock server sends it (a send-stamp comment and one {@code data:} line per event,
 * then {@code [DONE]}), fed in one read, events kept in a list as the transport keeps them. Divide by 65
 * for the cost per event.
 *
 * <p>Run: {@code java -jar aiperf-bench/target/benchmarks.jar SseFramingBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SseFramingBenchmark {

    static final int TOKENS = 64;

    private final SseStreamParser parser = new SseStreamParser();
    private final ArrayList<InferenceResponse> responses = new ArrayList<>(TOKENS + 1);
    private final SseStreamParser.EventSink sink = new SseStreamParser.EventSink() {
        @Override
        public void onResponse(InferenceResponse response) {
            responses.add(response);
        }

        @Override
        public void onError(String message, long perfNs) {
            throw new IllegalStateException(message);
        }
    };
    private ByteBuf body;

    @Setup
    public void setUp() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < TOKENS; i++) {
            text.append(": t=").append(1_000_000_000_000L + i).append('\n')
                    .append("data: {\"id\":\"chatcmpl-3f9c2a4e-5d1b-4c7e-9a0f-1b2c3d4e5f60\",\"object\":\"chat.completion.chunk\",")
                    .append("\"created\":1764777600,\"model\":\"mock-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" t")
                    .append(i).append("\"}}]}\n\n");
        }
        text.append(": t=1000000000099\ndata: [DONE]\n\n");
        body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.UTF_8)));
        if (response().size() != TOKENS + 1) {
            throw new IllegalStateException("framed " + responses.size() + " events");
        }
    }

    /** One response: framed, its events made and kept. */
    @Benchmark
    public ArrayList<InferenceResponse> response() {
        responses.clear();
        parser.reset();
        parser.feed(body, 42L, sink);
        parser.finish(43L, sink);
        return responses;
    }
}
