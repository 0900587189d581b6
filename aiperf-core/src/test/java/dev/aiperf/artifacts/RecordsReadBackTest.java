package dev.aiperf.artifacts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report reads {@code profile_export.jsonl} back line by line from bytes, keeping only a sample's fields:
 * lines longer than its read buffer, CRLF ends, blank lines, failed and warm-up requests and a last line
 * without a newline read as a tree of each line would.
 */
class RecordsReadBackTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfLineIsReadAsItsSample() throws IOException {
        StringJoiner manyValues = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 20_000; i++) {
            manyValues.add("0.123456789");
        }
        String longLine = "{\"metadata\":{\"benchmark_phase\":\"profiling\",\"request_start_ns\":10,\"x\":{\"request_start_ns\":99},"
                + "\"request_end_ns\":20},\"metrics\":{\"inter_chunk_latency\":{\"value\":" + manyValues + ",\"unit\":\"ms\"},"
                + "\"time_to_first_token\":{\"unit\":\"ms\",\"value\":1.5},\"request_latency\":{\"value\":[1,2]},"
                + "\"output_sequence_length\":{\"value\":64,\"unit\":\"tokens\"},"
                + "\"inter_token_latency\":{\"value\":0.25}},\"trace_data\":{\"error\":null}}";
        assertThat(longLine.length()).isGreaterThan(128 * 1024);
        String failed = "{\"metadata\":{\"request_start_ns\":30},\"metrics\":{},\"error\":{\"code\":500,\"message\":\"x\"}}";
        String warmup = "{\"metadata\":{\"request_start_ns\":1,\"benchmark_phase\":\"warmup\"},\"metrics\":{}}";
        String noStart = "{\"metadata\":{\"request_start_ns\":\"soon\"},\"metrics\":{}}";
        String fractional = "{\"metadata\":{\"request_start_ns\":40.9,\"request_end_ns\":null},\"metrics\":{},\"error\":null}";
        Path file = dir.resolve("profile_export.jsonl");
        Files.writeString(file, longLine + "\r\n\n   \n" + failed + "\n" + warmup + "\n" + noStart + "\n" + fractional);

        List<RequestSample> samples = RunArtifacts.readRequests(file);

        assertThat(samples).containsExactly(
                new RequestSample(10, 20, 1.5, 0.25, null, 64.0, false),
                new RequestSample(30, 30, null, null, null, null, true),
                new RequestSample(40, 40, null, null, null, null, false));
    }

    @Test
    void anEmptyOrMissingFileHasNoSamples() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertThat(RunArtifacts.readRequests(empty)).isEmpty();
        assertThat(RunArtifacts.readRequests(dir.resolve("missing.jsonl"))).isEmpty();
    }
}
