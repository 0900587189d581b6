package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.model.Turn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Request payloads written from the tree are byte for byte what Jackson's default mapper writes. */
class PayloadBytesTests {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void everyCharacterIsWrittenAsJacksonWritesIt() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c); // every control character, both surrogate halves alone and in pairs
        }
        all.append("😀\uD83D\uDE00x\uD83Dy\uDE00z");
        ObjectNode tree = NODES.objectNode().put(all.toString(), all.toString());

        assertThat(PayloadBytes.of(tree, JACKSON)).isEqualTo(JACKSON.writeValueAsBytes(tree));
    }

    @Test
    void randomTreesAreWrittenAsJacksonWritesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 3000; i++) {
            JsonNode tree = object(random, 0);
            assertThat(PayloadBytes.of(tree, JACKSON)).as("tree %s", tree).isEqualTo(JACKSON.writeValueAsBytes(tree));
        }
    }

    @Test
    void nodesWrittenOnlyByJacksonAreLeftToIt() throws Exception {
        for (JsonNode odd : List.<JsonNode>of(NODES.numberNode(1.5f), NODES.numberNode(new BigDecimal("1.50")),
                NODES.numberNode(BigInteger.TEN.pow(30)), NODES.numberNode(Double.NaN),
                NODES.numberNode(Double.NEGATIVE_INFINITY), NODES.binaryNode(new byte[] {1, 2, 3}),
                NODES.pojoNode(Map.of("a", 1)), NODES.numberNode((short) 3))) {
            ObjectNode tree = NODES.objectNode().put("before", "x");
            tree.putArray("list").add(1).add(odd);
            assertThat(PayloadBytes.of(tree, JACKSON)).as("with %s", odd).isEqualTo(JACKSON.writeValueAsBytes(tree));
        }
    }

    @Test
    void aChatPayloadWithExtrasIsTheBytesOfItsTreeAndEachRequestGetsItsOwnObjects() throws Exception {
        TestConfig config = new TestConfig();
        config.streaming = true;
        config.useServerTokenCount = true;
        config.extraInputs.add(new KeyValue("ignore_eos", true));
        config.extraInputs.add(new KeyValue("temperature", 0.7));
        config.extraInputs.add(new KeyValue("stream", false));
        config.extraInputs.add(new KeyValue("stream_options", Map.of("continuous_usage_stats", true)));
        config.extraInputs.add(new KeyValue("stop", List.of("\n\n", "Ω")));
        ChatEndpoint endpoint = Endpoints.chat(config.build());
        RequestFactory factory = new RequestFactory(config.build(), endpoint, Endpoints.metadata("chat"));

        byte[] first = factory.create(Requests.single(Turn.ofText("héllo \"quoted\"\n😀", 12)), 1).body();
        ObjectNode tree = endpoint.formatPayload(Requests.single(Turn.ofText("héllo \"quoted\"\n😀", 12)));
        byte[] second = factory.create(Requests.single(Turn.ofText("héllo \"quoted\"\n😀", 12)), 2).body();

        assertThat(first).isEqualTo(JACKSON.writeValueAsBytes(tree)).isEqualTo(second);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"stream\":false,")
                .contains("\"stream_options\":{\"continuous_usage_stats\":true,\"include_usage\":true}")
                .contains("\"stop\":[\"\\n\\n\",\"Ω\"]");
        ((ObjectNode) tree.get("stream_options")).put("changed", 1);
        ((ArrayNode) tree.get("stop")).add("changed");
        assertThat(factory.create(Requests.single(Turn.ofText("héllo \"quoted\"\n😀", 12)), 3).body()).isEqualTo(first);
    }

    private static ObjectNode object(SplittableRandom random, int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(depth == 0 ? 1 : 0, 6);
        for (int i = 0; i < fields; i++) {
            object.set(text(random), node(random, depth + 1));
        }
        return object;
    }

    private static JsonNode node(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(switch (random.nextInt(4)) {
                case 0 -> random.nextDouble();
                case 1 -> Double.longBitsToDouble(random.nextLong()) % 1e30;
                case 2 -> random.nextInt(1000) / 10.0;
                default -> -0.0;
            });
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(5);
                for (int i = 0; i < items; i++) {
                    array.add(node(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) random.nextInt(0x80);
                case 2 -> (char) random.nextInt(0x800);
                case 3 -> (char) random.nextInt(0xD700, 0xE100);
                default -> (char) random.nextInt(0x10000);
            });
        }
        return text.toString();
    }
}
