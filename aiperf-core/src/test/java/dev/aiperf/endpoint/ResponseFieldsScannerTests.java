package dev.aiperf.endpoint;

import dev.aiperf.api.model.InferenceResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written scan of plain JSON responses against Jackson's streaming parser, the reference: on
 * real chunk shapes the scan must take the text itself and give the parser's fields, and on thousands of
 * mutated chunks (broken, odd, escaped, non-ASCII) the scan-then-parser reading must give exactly what the
 * parser alone gives, fields, null or error message.
 */
class ResponseFieldsScannerTests {

    /** Chunk and body shapes as servers send them: the scan must read every one itself. */
    private static final List<String> PLAIN = List.of(
            // the mock server's chunk, and vLLM's with role, logprobs and finish reason
            "{\"id\":\"chatcmpl-7a1\",\"object\":\"chat.completion.chunk\",\"created\":1733200000,\"model\":\"mock-model\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token\"},\"finish_reason\":null}]}",
            "{\"id\":\"cmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}",
            "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[{\"token\":\"a\",\"logprob\":-0.25,"
                    + "\"bytes\":[97],\"top_logprobs\":[]}]},\"finish_reason\":\"length\",\"stop_reason\":null}]}",
            // reasoning, both spellings; escapes; raw UTF-8; an escaped surrogate pair
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"reasoning_content\":\"think\",\"content\":null}}]}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"reasoning\":\"hm\\n\\\"q\\\"\\t\\\\/\\/\"}}]}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"caf\u00e9 \u4e2d\ud83d\ude00\"}}]}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"\\u00e9\\ud83d\\ude00 \u00e9\\b\\f\\r\"}}]}",
            // the usage chunk, a non-streaming body, completions, numbers of every form, nesting, spaces
            "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],\"usage\":"
                    + "{\"prompt_tokens\":128,\"completion_tokens\":64,\"total_tokens\":192,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":0}}}",
            "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello there\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}",
            "{\"object\":\"text_completion\",\"choices\":[{\"text\":\"hi\",\"index\":0},{\"text\":\"second\"}],"
                    + "\"usage\":{\"completion_tokens\":1}}",
            "{ \"object\" : \"chat.completion.chunk\" ,\n\t\"n\":[-0, 0.5, -12.5e+3, 1E-2, 7, true, false, null, {}, [], [[]]],\r\n"
                    + " \"choices\" : [ { \"delta\" : { \"content\" : \"x\" } } ] , \"usage\" : null }  trailing text",
            "{\"choices\":[{\"delta\":{\"nested\":{\"content\":\"no\"},\"content\":\"yes\"}},{\"delta\":{\"content\":\"2\"}}],"
                    + "\"object\":\"chat.completion.chunk\"}",
            "{\"object\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"choices\":[]}",
            "{\"object\":\"completion\",\"choices\":[\"odd\"],\"usage\":{}}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":{\"delta\":1},\"usage\":5}",
            "{}");

    /** Shapes the scan leaves to the parser: what it returns, and the parser's errors, stay the parser's. */
    private static final List<String> LEFT_TO_THE_PARSER = List.of(
            "{\"object\":12,\"choices\":[]}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":[1,2]}}]}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"c\\u006fntent\":\"x\"}}]}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"x\"}}]",
            "{\"object\": chat}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\u0001\"}",
            "{\"a\":[1,]}");

    @Test
    void theScanReadsServerShapesItselfWithTheParsersAnswers() {
        for (String text : PLAIN) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            ResponseFields scanned = ResponseFieldsScanner.scan(bytes, 0, bytes.length);
            assertThat(scanned).as(text).isNotNull();
            assertThat(describe(scanned)).as(text).isEqualTo(describe(parser(bytes, 0, bytes.length)));
        }
    }

    @Test
    void shapesOutsideTheSubsetGetTheParsersAnswer() {
        for (String text : LEFT_TO_THE_PARSER) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(ResponseFieldsScanner.scan(bytes, 0, bytes.length)).as(text).isNull();
            assertThat(outcome(bytes, true)).as(text).isEqualTo(outcome(bytes, false));
        }
    }

    @Test
    void malformedUtf8IsLeftToTheParser() {
        byte[][] broken = {
                {(byte) 0xC3},                         // cut short
                {(byte) 0xC0, (byte) 0x80},            // overlong
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
                {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
                {(byte) 0x80},                         // a lone continuation byte
        };
        for (byte[] bad : broken) {
            byte[] head = "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"a".getBytes(
                    StandardCharsets.UTF_8);
            byte[] tail = "\"}}]}".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(bad, 0, bytes, head.length, bad.length);
            System.arraycopy(tail, 0, bytes, head.length + bad.length, tail.length);
            assertThat(ResponseFieldsScanner.scan(bytes, 0, bytes.length)).isNull();
            assertThat(outcome(bytes, true)).isEqualTo(outcome(bytes, false));
        }
    }

    /** Random single and double mutations of every vector: the reading with the scan equals the parser's alone. */
    @Test
    void mutatedChunksReadExactlyAsTheParserReadsThem() {
        Random random = new Random(12);
        byte[] alphabet = "{}[]\":,\\/ 0123456789.eE+-abfnrtulsx\u00e9\n\t".getBytes(StandardCharsets.UTF_8);
        List<String> vectors = new ArrayList<>(PLAIN);
        vectors.addAll(LEFT_TO_THE_PARSER);
        int scanned = 0;
        int total = 0;
        for (String vector : vectors) {
            byte[] original = vector.getBytes(StandardCharsets.UTF_8);
            for (int round = 0; round < 400; round++) {
                byte[] bytes = original;
                for (int m = 0, n = 1 + random.nextInt(2); m < n; m++) {
                    bytes = mutate(bytes, random, alphabet);
                }
                if (bytes.length == 0) {
                    continue;
                }
                total++;
                if (bytes[0] == '{' && ResponseFieldsScanner.scan(bytes, 0, bytes.length) != null) {
                    scanned++;
                }
                assertThat(outcome(bytes, true)).as(new String(bytes, StandardCharsets.UTF_8))
                        .isEqualTo(outcome(bytes, false));
            }
        }
        // Many mutants stay valid JSON the scan reads (a changed letter in a value): the comparison is not vacuous.
        assertThat(scanned).isGreaterThan(total / 10);
    }

    /**
     * A scanner that remembers the head of the last chunk (and skips it in the next chunk that starts with it)
     * gives exactly the one-off scan's answer: on each vector after itself, and on mutants of each vector read
     * right after the vector taught it its head (mutants changed after the head resume, the others do not).
     */
    @Test
    void rememberingTheHeadGivesTheOneOffScansAnswers() {
        Random random = new Random(34);
        byte[] alphabet = "{}[]\":,\\/ 0123456789.eE+-abfnrtulsx\u00e9\n\t".getBytes(StandardCharsets.UTF_8);
        ChunkPrefix prefix = new ChunkPrefix();
        ResponseFieldsScanner scanner = ResponseFieldsScanner.remembering(prefix);
        int resumed = 0;
        int total = 0;
        for (String vector : PLAIN) {
            byte[] original = vector.getBytes(StandardCharsets.UTF_8);
            for (int round = 0; round < 300; round++) {
                assertThat(describeOrNull(scanner.read(original, 0, original.length))).as(vector)
                        .isEqualTo(describeOrNull(ResponseFieldsScanner.scan(original, 0, original.length)));
                byte[] bytes = original;
                for (int m = 0, n = 1 + random.nextInt(2); m < n; m++) {
                    bytes = mutate(bytes, random, alphabet);
                }
                total++;
                if (prefix.matches(bytes, 0, bytes.length)) {
                    resumed++;
                }
                assertThat(describeOrNull(scanner.read(bytes, 0, bytes.length)))
                        .as(new String(bytes, StandardCharsets.UTF_8))
                        .isEqualTo(describeOrNull(ResponseFieldsScanner.scan(bytes, 0, bytes.length)));
            }
        }
        assertThat(resumed).isGreaterThan(total / 10);
    }

    /** A vLLM stream: the role chunk teaches a head the next chunk lacks; from there on every text chunk resumes. */
    @Test
    void aStreamsTextChunksResumeAfterTheirSharedHead() {
        String head = "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{";
        List<String> stream = List.of(
                head + "\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}",
                head + "\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}]}",
                head + "\"content\":\" caf\u00e9\"},\"logprobs\":null,\"finish_reason\":null}]}",
                head + "\"content\":\"\\n\"},\"logprobs\":null,\"finish_reason\":\"length\",\"stop_reason\":null}]}",
                head + "\"content\":\"\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":3}}",
                "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":3}}");
        ChunkPrefix prefix = new ChunkPrefix();
        ResponseFieldsScanner scanner = ResponseFieldsScanner.remembering(prefix);
        List<Boolean> resumed = new ArrayList<>();
        for (String chunk : stream) {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            resumed.add(prefix.matches(bytes, 0, bytes.length));
            ResponseFields fields = scanner.read(bytes, 0, bytes.length);
            assertThat(fields).as(chunk).isNotNull();
            assertThat(describe(fields)).as(chunk).isEqualTo(describe(parser(bytes, 0, bytes.length)));
        }
        assertThat(resumed).containsExactly(false, false, true, true, true, false);
        assertThat(prefix.length()).isEqualTo((head + "\"content\":").length());
    }

    /**
     * The rest of a chunk after its text is remembered only when reading it set nothing; a later chunk with the same
     * head and exactly that rest skips it, and a rest that sets something (usage, a second content) is read every time.
     */
    @Test
    void aStreamsRestAfterTheTextIsComparedOnlyWhenItSetsNothing() {
        String head = "{\"id\":\"chatcmpl-3\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":";
        String rest = "},\"logprobs\":null,\"finish_reason\":null}]}";
        String withUsage = "},\"finish_reason\":null}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
        String withSecondContent = ",\"content\":\"second\"},\"finish_reason\":null}]}";
        List<String> stream = List.of(head + "\"a\"" + rest, head + "\"b\"" + rest, head + "\"c\"" + rest,
                head + "\"d\"" + withUsage, head + "\"e\"" + withUsage, head + "\"f\"" + withSecondContent,
                head + "\"g\"" + withSecondContent, head + "\"h\"" + rest, head + "null" + rest,
                head + "\"i\"" + rest + " trailing", head + "\"j\"" + rest + " trailing");
        ChunkPrefix prefix = new ChunkPrefix();
        ResponseFieldsScanner scanner = ResponseFieldsScanner.remembering(prefix);
        List<Integer> tails = new ArrayList<>();
        for (String chunk : stream) {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            ResponseFields fields = scanner.read(bytes, 0, bytes.length);
            assertThat(fields).as(chunk).isNotNull();
            assertThat(describe(fields)).as(chunk).isEqualTo(describe(parser(bytes, 0, bytes.length)));
            tails.add(prefix.tailLength());
        }
        int n = rest.length();
        int trailing = (rest + " trailing").length();
        assertThat(tails).containsExactly(-1, n, n, n, n, n, n, n, n, trailing, trailing);
    }

    private static String describeOrNull(ResponseFields fields) {
        return fields == null ? "not scanned" : describe(fields);
    }

    private static byte[] mutate(byte[] bytes, Random random, byte[] alphabet) {
        if (bytes.length == 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        byte with = random.nextInt(8) == 0 ? (byte) (0x80 + random.nextInt(0x80)) : alphabet[random.nextInt(alphabet.length)];
        return switch (random.nextInt(4)) {
            case 0 -> { // replace
                byte[] copy = bytes.clone();
                copy[at] = with;
                yield copy;
            }
            case 1 -> { // insert
                byte[] copy = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                copy[at] = with;
                System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
                yield copy;
            }
            case 2 -> { // delete
                byte[] copy = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
                yield copy;
            }
            default -> java.util.Arrays.copyOf(bytes, at); // cut short
        };
    }

    /** What reading gives, as text: the fields, "null", or the error's type and message. */
    private static String outcome(byte[] bytes, boolean withScan) {
        InferenceResponse response = InferenceResponse.ofUtf8(1, InferenceResponse.Kind.SSE, bytes, 0, bytes.length);
        try {
            ResponseFields fields = withScan ? ResponseFields.read(response, "chat") : parserOnly(response);
            return fields == null ? "null" : describe(fields);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** {@link ResponseFields#read} without the scan: the same trimming, then the parser. */
    private static ResponseFields parserOnly(InferenceResponse response) {
        byte[] bytes = response.utf8Bytes();
        int from = 0;
        int to = bytes.length;
        while (from < to && isStripped(bytes[from])) {
            from++;
        }
        while (to > from && isStripped(bytes[to - 1])) {
            to--;
        }
        if (from == to || new String(bytes, from, to - from, StandardCharsets.UTF_8).equals("[DONE]")) {
            return null;
        }
        return ResponseFields.parse(response, "chat", bytes, from, to);
    }

    private static boolean isStripped(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }

    private static ResponseFields parser(byte[] bytes, int from, int to) {
        return ResponseFields.parse(InferenceResponse.ofUtf8(1, InferenceResponse.Kind.SSE, bytes, from, to - from),
                "chat", bytes, from, to);
    }

    private static String describe(ResponseFields fields) {
        return "object=" + slot(fields.object) + " delta=" + texts(fields.delta) + " message=" + texts(fields.message)
                + " text=" + slot(fields.text) + " usage=" + fields.usage;
    }

    private static String texts(ResponseFields.ChoiceTexts texts) {
        return texts == null ? "null" : "{content=" + slot(texts.content) + ", reasoning_content="
                + slot(texts.reasoningContent) + ", reasoning=" + slot(texts.reasoning) + "}";
    }

    /** A String quoted (so "null" and null differ), a tree by its JSON and type. */
    private static String slot(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }
}
