package dev.aiperf.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.ParsedResponseRecord;
import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.ReceivedResponses;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.endpoint.Endpoints;
import dev.aiperf.metrics.ActiveMetrics;
import dev.aiperf.metrics.MetricRecordProcessor;
import dev.aiperf.metrics.MetricsEnvironment;
import dev.aiperf.metrics.TestConfigs;
import dev.aiperf.metrics.TestRecords;
import dev.aiperf.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The built-in chat and completions endpoints read a request's responses from the transport's bytes into a
 * {@link ParsedResponses} without an object per chunk; a plugin's endpoint that implements only
 * {@link Endpoint#parseResponse} goes through the object path. Both must give the same parsed responses, token
 * counts and metric values, on many streams shaped like real servers' (role chunks, reasoning, usage-only final
 * chunks, empty and null deltas, tool calls, escapes, non-ASCII text and surrogate pairs split across chunks).
 */
class ResponseBytePathTest {

    private static final BenchmarkConfig CONFIG = TestConfigs.builder().build();
    private static final Tokenizer TOKENIZER = Tokenizers.forName("cl100k_base");
    private static final Endpoint CHAT = Endpoints.chat(CONFIG);
    private static final Endpoint COMPLETIONS = Endpoints.completions(CONFIG);

    /** Pieces of chunk texts as JSON string contents: words, escapes, non-ASCII, a surrogate pair. */
    private static final String[] PIECES = {" the", " quick", "brown", " fox", "", " ", "\\n", "\\\"quoted\\\"",
            "caf\u00e9", " \u65e5\u672c\u8a9e", "\ud83d\ude00", "\\u00e9t\\u00e9", "\\t tab",
            " don't", "123", " a much longer piece of text that is well past thirty-two bytes",
            "\\/slash", "\u00a0nbsp", "  two spaces"};

    @Test
    void chatStreamsGiveTheSameResponsesOnEveryPath() {
        Random random = new Random(12);
        for (int stream = 0; stream < 400; stream++) {
            List<String> events = chatStream(random);
            assertSameOnEveryPath(CHAT, events);
        }
    }

    @Test
    void completionsStreamsGiveTheSameResponsesOnEveryPath() {
        Random random = new Random(13);
        for (int stream = 0; stream < 200; stream++) {
            List<String> events = new ArrayList<>();
            int chunks = random.nextInt(12);
            for (int i = 0; i < chunks; i++) {
                String text = random.nextInt(6) == 0 ? "null" : '"' + text(random) + '"';
                events.add(pad(random, "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1764770000,"
                        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"text\":" + text
                        + ",\"logprobs\":null,\"finish_reason\":null}]}"));
            }
            if (random.nextBoolean()) {
                events.add("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1764770000,\"model\":\"m\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":" + chunks
                        + ",\"total_tokens\":" + (5 + chunks) + "}}");
            }
            events.add("[DONE]");
            assertSameOnEveryPath(COMPLETIONS, events);
        }
    }

    @Test
    void recordsGetTheSameTokenCountsAndMetricsOnBothPaths() {
        MetricRecordProcessor metrics = new MetricRecordProcessor(ActiveMetrics.forRun(CONFIG,
                Endpoints.metadata("chat"), MetricsEnvironment.DEFAULTS));
        InferenceResultParser bytePath = new InferenceResultParser(CHAT, Endpoints.metadata("chat"), TOKENIZER, false);
        InferenceResultParser objectPath = new InferenceResultParser(new ObjectApiEndpoint(CHAT),
                Endpoints.metadata("chat"), TOKENIZER, false);
        InferenceResultParser serverBytes = new InferenceResultParser(CHAT, Endpoints.metadata("chat"), TOKENIZER, true);
        InferenceResultParser serverObjects = new InferenceResultParser(new ObjectApiEndpoint(CHAT),
                Endpoints.metadata("chat"), TOKENIZER, true);
        Random random = new Random(14);
        int withContent = 0;
        for (int stream = 0; stream < 300; stream++) {
            List<String> events = chatStream(random);
            RequestInfo info = TestRecords.info(stream, 64, CreditPhase.PROFILING);
            ParsedResponseRecord viaBytes = bytePath.parse(record(info, received(events)));
            ParsedResponseRecord viaObjects = objectPath.parse(record(info, objects(events)));

            assertThat(viaBytes).isEqualTo(viaObjects);
            assertThat(normalized(metrics.processRecord(viaBytes).values()))
                    .isEqualTo(normalized(metrics.processRecord(viaObjects).values()));
            assertThat(serverBytes.parse(record(info, received(events))).tokenCounts())
                    .isEqualTo(serverObjects.parse(record(info, objects(events))).tokenCounts());
            if (!viaBytes.request().hasError()) {
                withContent++;
            }
        }
        assertThat(withContent).as("streams that made valid records").isGreaterThan(150);
    }

    @Test
    void brokenChunksFailWithTheSameMessageOnEveryPath() {
        String head = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":";
        List<List<String>> streams = List.of(
                List.of(head + "{\"content\":\"ok\"}}]}", "{\"id\":\"c\",\"object\":"),
                List.of("{\"object\":\"response.chunk\",\"choices\":[]}"),
                List.of(head + "{\"content\":5}}]}"),
                List.of(head + "{\"content\":\"a\",\"reasoning_content\":[1]}}]}"),
                List.of("[1,2]"),
                List.of(head + "{\"content\":\"caf\u00e9 \\x\"}}]}"));
        for (List<String> events : streams) {
            Throwable objects = catchThrowable(() -> parseEach(CHAT, objects(events)));
            Throwable bytes = catchThrowable(() -> CHAT.parseResponses(received(events), ParsedResponses.builder(1)));
            Throwable list = catchThrowable(() -> CHAT.parseResponses(objects(events), ParsedResponses.builder(1)));
            assertThat(objects).as(events.toString()).isInstanceOf(IllegalArgumentException.class);
            assertThat(bytes).hasMessage(objects.getMessage()).hasSameClassAs(objects);
            assertThat(list).hasMessage(objects.getMessage()).hasSameClassAs(objects);
        }
    }

    @Test
    void aReceivedResponseIsMadeOnlyWhenItIsAskedFor() {
        ReceivedResponses received = received(List.of("{\"a\":1}", "{\"b\":2}", "{\"c\":3}"));
        InferenceResponse last = received.getLast();
        assertThat(last.text()).isEqualTo("{\"c\":3}");
        assertThat(received.getLast()).isSameAs(last);
        assertThat(received.get(0).text()).isEqualTo("{\"a\":1}");
        assertThat(received).containsExactlyElementsOf(objects(List.of("{\"a\":1}", "{\"b\":2}", "{\"c\":3}")));
    }

    private static void assertSameOnEveryPath(Endpoint endpoint, List<String> events) {
        List<ParsedResponse> expected = parseEach(endpoint, objects(events));
        ParsedResponses.Builder fromBytes = ParsedResponses.builder(events.size());
        endpoint.parseResponses(received(events), fromBytes);
        ParsedResponses.Builder fromList = ParsedResponses.builder(1); // grows
        endpoint.parseResponses(objects(events), fromList);
        ParsedResponses.Builder fromObjects = ParsedResponses.builder(events.size());
        new ObjectApiEndpoint(endpoint).parseResponses(objects(events), fromObjects);

        for (ParsedResponses parsed : List.of(fromBytes.build(), fromList.build(), fromObjects.build(),
                ParsedResponses.copyOf(expected))) {
            assertThat(parsed).as(events.toString()).isEqualTo(expected);
            assertAccessorsMatch(parsed, expected);
        }
    }

    /** Every indexed accessor says what the objects say. */
    private static void assertAccessorsMatch(ParsedResponses parsed, List<ParsedResponse> expected) {
        StringBuilder output = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ParsedResponse> content = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            ParsedResponse response = expected.get(i);
            assertThat(parsed.perfNs(i)).isEqualTo(response.perfNs());
            assertThat(parsed.hasContent(i)).isEqualTo(response.hasContent());
            assertThat(parsed.usage(i)).isEqualTo(response.usage());
            ResponseData data = response.data();
            assertThat(parsed.hasOutputText(i)).isEqualTo(data != null && !data.outputText().isEmpty());
            assertThat(parsed.hasOtherData(i)).isEqualTo(data != null && !(data instanceof ResponseData.Text)
                    && !(data instanceof ResponseData.Reasoning));
            if (data != null) {
                output.append(data.outputText());
                reasoning.append(data.reasoningText());
                content.add(response);
            }
        }
        assertThat(parsed.outputText()).isEqualTo(output.toString());
        assertThat(parsed.reasoningText()).isEqualTo(reasoning.toString());
        ParsedResponses contentOnly = parsed.content();
        assertThat(contentOnly).isEqualTo(content);
        for (int i = 0; i < content.size(); i++) {
            assertThat(contentOnly.perfNs(i)).isEqualTo(content.get(i).perfNs());
            assertThat(contentOnly.hasContent(i)).isTrue();
            assertThat(contentOnly.hasOutputText(i)).isEqualTo(!content.get(i).data().outputText().isEmpty());
            assertThat(contentOnly.usage(i)).isEqualTo(content.get(i).usage());
        }
        assertThat(contentOnly.outputText()).isEqualTo(output.toString());
    }

    /** What the engine did before: {@link Endpoint#parseResponse} on each response, nulls dropped. */
    private static List<ParsedResponse> parseEach(Endpoint endpoint, List<InferenceResponse> responses) {
        List<ParsedResponse> parsed = new ArrayList<>();
        for (InferenceResponse response : responses) {
            ParsedResponse one = endpoint.parseResponse(response);
            if (one != null) {
                parsed.add(one);
            }
        }
        return parsed;
    }

    /** A plugin author's endpoint: only the object API, so the engine takes {@link Endpoint}'s default path. */
    private record ObjectApiEndpoint(Endpoint delegate) implements Endpoint {
        @Override
        public ObjectNode formatPayload(RequestInfo requestInfo) {
            return delegate.formatPayload(requestInfo);
        }

        @Override
        public ParsedResponse parseResponse(InferenceResponse response) {
            return delegate.parseResponse(response);
        }
    }

    private static List<String> chatStream(Random random) {
        List<String> events = new ArrayList<>();
        String head = "{\"id\":\"chatcmpl-" + random.nextInt(3) + "\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1764770000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":";
        String tail = ",\"logprobs\":null,\"finish_reason\":null}]}";
        if (random.nextInt(8) == 0) { // a whole (non-streamed) completion
            events.add("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\",\"created\":1764770000,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"message\":" + delta(random) + ",\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}}");
            return events;
        }
        if (random.nextBoolean()) {
            events.add(head + "{\"role\":\"assistant\",\"content\":\"\"}" + tail);
        }
        int chunks = random.nextInt(20);
        for (int i = 0; i < chunks; i++) {
            String chunk = head + delta(random) + tail;
            if (i + 1 < chunks && random.nextInt(8) == 0) { // an emoji split across two chunks, as escapes
                events.add(head + "{\"content\":\"" + text(random) + "\\ud83d\"}" + tail);
                chunk = head + "{\"content\":\"\\ude00" + text(random) + "\"}" + tail;
                i++;
            }
            if (random.nextInt(10) == 0) { // vLLM's continuous usage: usage in every chunk
                chunk = chunk.substring(0, chunk.length() - 1) + ",\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":"
                        + (i + 1) + ",\"total_tokens\":" + (10 + i) + "}}";
            }
            events.add(pad(random, chunk));
        }
        events.add(head + "{}" + ",\"logprobs\":null,\"finish_reason\":\"stop\"}]}");
        switch (random.nextInt(4)) {
            case 0 -> events.add("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1764770000,"
                    + "\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":" + chunks
                    + ",\"total_tokens\":" + (9 + chunks) + ",\"completion_tokens_details\":{\"reasoning_tokens\":2}}}");
            case 1 -> events.add("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                    + "\"usage\":{}}");
            case 2 -> events.add(": a comment is not data, but an empty event may come");
            default -> {
            }
        }
        events.add(random.nextInt(5) == 0 ? "  [DONE]\n" : "[DONE]");
        return events;
    }

    /** A {@code delta} or {@code message} in one of the shapes servers send. */
    private static String delta(Random random) {
        return switch (random.nextInt(11)) {
            case 0 -> "{}";
            case 1 -> "{\"content\":null}";
            case 2 -> "{\"reasoning_content\":\"" + text(random) + "\"}";
            case 3 -> "{\"reasoning_content\":\"" + text(random) + "\",\"content\":null}";
            case 4 -> "{\"reasoning\":\"" + text(random) + "\"}";
            case 5 -> "{\"content\":\"" + text(random) + "\",\"reasoning_content\":\"" + text(random) + "\"}";
            case 6 -> "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                    + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}}]}";
            case 7 -> "{\"content\":\"" + text(random) + "\",\"tool_calls\":[]}";
            case 8 -> "{\"role\":\"assistant\",\"content\":\"" + text(random) + "\",\"reasoning_content\":null}";
            default -> "{\"content\":\"" + text(random) + "\"}";
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static String pad(Random random, String event) {
        return random.nextInt(12) == 0 ? " " + event + " \r\n" : event;
    }

    private static RequestRecord record(RequestInfo info, List<InferenceResponse> responses) {
        long end = responses.isEmpty() ? 2_000_000L : responses.getLast().perfNs() + 10;
        return new RequestRecord(info, "m", 1_000, 0, 1_000_000L, 1_000_100L, end, 200, responses, null, null);
    }

    /** The events as the transport stores them: bytes back to back, arrival and server stamps in arrays. */
    private static ReceivedResponses received(List<String> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int n = events.size();
        int[] ends = new int[n];
        long[] perfNs = new long[n];
        long[] sent = new long[n];
        for (int i = 0; i < n; i++) {
            bytes.writeBytes(events.get(i).getBytes(StandardCharsets.UTF_8));
            ends[i] = bytes.size();
            perfNs[i] = arrival(i);
            sent[i] = arrival(i) - 3_000;
        }
        return ReceivedResponses.of(InferenceResponse.Kind.SSE, bytes.toByteArray(), ends, perfNs, sent, n);
    }

    /** The same events as objects, as a plugin transport or a test hands them over. */
    private static List<InferenceResponse> objects(List<String> events) {
        List<InferenceResponse> responses = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            responses.add(new InferenceResponse(arrival(i), InferenceResponse.Kind.SSE, events.get(i),
                    arrival(i) - 3_000));
        }
        return responses;
    }

    /** Arrival stamps: some events share one (they came in one read). */
    private static long arrival(int i) {
        return 1_000_500L + 1_000L * (i - (i + 1) / 3);
    }

    /** Metric values with arrays as lists, so that two maps compare by content. */
    private static Map<String, Object> normalized(Map<String, Object> values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((tag, value) -> plain.put(tag, switch (value) {
            case double[] doubles -> Arrays.stream(doubles).boxed().toList();
            case long[] longs -> Arrays.stream(longs).boxed().toList();
            default -> value;
        }));
        return plain;
    }
}
