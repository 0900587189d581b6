package dev.aiperf.endpoint;

import dev.aiperf.api.model.InferenceResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The chat endpoint's reading of one streamed chunk (done once per SSE event on the records thread):
 * the hand-written scan ({@link ResponseFields#read}, what runs) against Jackson's streaming parser alone
 * ({@link ResponseFields#parse}, what ran before), on the mock server's chunk and on a vLLM-style chunk.
 *
 * <p>Run: {@code java -jar aiperf-bench/target/benchmarks.jar ChunkParseBenchmark -prof gc} (ns and bytes per chunk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChunkParseBenchmark {

    /** Chunks as servers send them (the data of one SSE event). */
    static final String MOCK = "{\"id\":\"chatcmpl-3f9c2a4e-5d1b-4c7e-9a0f-1b2c3d4e5f60\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1764777600,\"model\":\"mock-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token\"}}]}";
    static final String VLLM = "{\"id\":\"chatcmpl-b1c2d3e4f5a6\",\"object\":\"chat.completion.chunk\",\"created\":1764777600,"
            + "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" the\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}";

    @Param({"mock", "vllm"})
    public String shape;

    private InferenceResponse response;
    private byte[] bytes;

    @Setup
    public void setUp() {
        String text = shape.equals("mock") ? MOCK : VLLM;
        bytes = text.getBytes(StandardCharsets.UTF_8);
        response = InferenceResponse.ofUtf8(1, InferenceResponse.Kind.SSE, bytes, 0, bytes.length);
        if (ResponseFieldsScanner.scan(bytes, 0, bytes.length) == null) {
            throw new IllegalStateException("the scan does not read " + text);
        }
    }

    /** What the endpoint does now: the scan (the parser only for what the scan does not take). */
    @Benchmark
    public Object scan() {
        return ResponseFields.read(response, "chat");
    }

    /** The reading before: Jackson's streaming parser over the same bytes. */
    @Benchmark
    public Object jacksonStreaming() {
        return ResponseFields.parse(response, "chat", bytes, 0, bytes.length);
    }
}
