package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass parser against the two-pass one it replaced ({@link ReferenceSseParser}): seeded random
 * streams of SSE pieces (data, stamps, comments, error events, raw newlines inside JSON, bare CRs, LF and
 * CRLF ends, whitespace) cut at random places into heap and direct buffers must give the same events, with
 * the same data, arrival stamps and send stamps, up to and including the first error (the transport reads
 * nothing after an error event).
 */
class SseStreamParserAgainstReferenceTests {

    private static final String[] PIECES = {
        "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}", "data: [DONE]", "data:", "data", "data :  y ",
        " data: z", ": t=123456789", ": t=42", ": t=", ": t=12x", ": t=99999999999999999999", ":keep-alive",
        ": overloaded", "event: error", "EVENT: Error", "event: message", "id: 7", "retry: 10", "nocolon",
        "data: {\"content\":\"line one", "line two\"}", "data: {", "}", "data: caf\u00e9 \u4e2d\ud83d\ude00", "  ",
        "\t", "data: a\rdata: b", "\r",
    };
    private static final String[] ENDS = {"\n", "\n", "\n", "\r\n", "\r\n", "\n\n", "\n\n", "\r\n\r\n", "\r", "\n\r\n",
        "\r\n\n", "\n\n\n", " \n"};

    /** One event as seen by the transport: data or error, arrival stamp, send stamp. */
    private record Seen(String text, long perfNs, long serverSentNs) {
    }

    @Test
    void randomStreamsCutAnywhereGiveTheReferenceEvents() {
        SplittableRandom random = new SplittableRandom(12);
        SseStreamParser parser = new SseStreamParser();
        int compared = 0;
        for (int round = 0; round < 4000; round++) {
            byte[] stream = stream(random).getBytes(StandardCharsets.UTF_8);
            List<byte[]> chunks = cut(stream, random);
            boolean finish = random.nextInt(4) != 0;
            List<Seen> expected = reference(chunks, finish);
            List<Seen> actual = actual(parser, chunks, finish, random);
            assertThat(actual).as("round %d: %s cut %s", round, printable(stream), chunks.size())
                    .isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    private static String stream(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(24);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]).append(ENDS[random.nextInt(ENDS.length)]);
        }
        return text.toString();
    }

    private static List<byte[]> cut(byte[] stream, SplittableRandom random) {
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        while (from < stream.length) {
            int n = random.nextBoolean() ? 1 + random.nextInt(4) : 1 + random.nextInt(stream.length);
            int to = Math.min(stream.length, from + n);
            byte[] chunk = new byte[to - from];
            System.arraycopy(stream, from, chunk, 0, chunk.length);
            chunks.add(chunk);
            from = to;
        }
        return chunks;
    }

    private static List<Seen> reference(List<byte[]> chunks, boolean finish) {
        List<Seen> seen = new ArrayList<>();
        boolean[] failed = {false};
        ReferenceSseParser reference = new ReferenceSseParser();
        ReferenceSseParser.EventSink sink = new ReferenceSseParser.EventSink() {
            @Override
            public void onResponse(InferenceResponse response) {
                if (!failed[0]) {
                    seen.add(new Seen(response.text(), response.perfNs(), response.serverSentNs()));
                }
            }

            @Override
            public void onError(String message, long perfNs) {
                if (!failed[0]) {
                    seen.add(new Seen("error: " + message, perfNs, 0L));
                    failed[0] = true;
                }
            }
        };
        for (int i = 0; i < chunks.size(); i++) {
            reference.feed(chunks.get(i), 100 + i, sink);
        }
        if (finish) {
            reference.finish(1000, sink);
        }
        return seen;
    }

    private static List<Seen> actual(SseStreamParser parser, List<byte[]> chunks, boolean finish,
                                     SplittableRandom random) {
        ResponseStore store = new ResponseStore();
        List<Seen> seen = new ArrayList<>();
        SseStreamParser.EventSink sink = new SseStreamParser.EventSink() {
            @Override
            public void onEvent() {
                InferenceResponse last = store.last();
                seen.add(new Seen(last.text(), last.perfNs(), last.serverSentNs()));
            }

            @Override
            public void onError(String message, long perfNs) {
                seen.add(new Seen("error: " + message, perfNs, 0L));
            }
        };
        parser.begin(store);
        for (int i = 0; i < chunks.size(); i++) {
            ByteBuf chunk = buffer(chunks.get(i), random);
            int readerIndex = chunk.readerIndex();
            parser.feed(chunk, 100 + i, sink);
            assertThat(chunk.readerIndex()).isEqualTo(readerIndex);
            chunk.release();
        }
        if (finish) {
            parser.finish(1000, sink);
        }
        // What the reading side gets is what the events said, in order.
        List<Seen> stored = new ArrayList<>();
        for (InferenceResponse response : store.snapshot()) {
            stored.add(new Seen(response.text(), response.perfNs(), response.serverSentNs()));
        }
        assertThat(stored).isEqualTo(seen.stream().filter(s -> !s.text().startsWith("error: ")).toList());
        return seen;
    }

    /** The chunk in a heap buffer, a direct one, or in the middle of a larger one (a slice, as the decoder hands over). */
    private static ByteBuf buffer(byte[] bytes, SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> Unpooled.wrappedBuffer(bytes);
            case 1 -> Unpooled.directBuffer(bytes.length).writeBytes(bytes);
            default -> {
                ByteBuf larger = Unpooled.directBuffer(bytes.length + 16);
                larger.writeBytes(new byte[] {'\n', '\n', 'x', '\r', ' ', ' ', ' '});
                larger.writeBytes(bytes);
                larger.writeBytes(new byte[] {'\n', '\r', '\n'});
                yield larger.slice(7, bytes.length);
            }
        };
    }

    private static String printable(byte[] stream) {
        return new String(stream, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
    }
}
