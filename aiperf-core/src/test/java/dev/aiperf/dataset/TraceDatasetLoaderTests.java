package dev.aiperf.dataset;

import dev.aiperf.api.config.TraceConfig;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.TestConfig;
import dev.aiperf.tokenizer.TestTokenizerFiles;
import dev.aiperf.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceDatasetLoaderTests {

    private static final Path EXAMPLES = MultiTurnDatasetLoaderTests.EXAMPLES;

    @TempDir
    Path dir;

    private static TestConfig qwen3() {
        TestConfig config = new TestConfig();
        config.tokenizer = TestTokenizerFiles.folder("qwen3").toString();
        return config;
    }

    private static String prompt(Conversation conversation, int turn) {
        return conversation.turns().get(turn).allTexts().getFirst();
    }

    @Test
    void mooncakePromptsAreExactLengthsInTheRunsTokenizerAndSharedHashIdsShareTheirPrefix() throws IOException {
        TestConfig config = qwen3();
        Tokenizer tokenizer = Tokenizers.forName(config.tokenizer);

        List<Conversation> conversations = new MooncakeTraceDatasetLoader(Contexts.dataset(config.build()))
                .load(EXAMPLES.resolve("mooncake_trace.jsonl"));

        assertThat(conversations).hasSize(5);
        String a = prompt(conversations.get(0), 0);
        String b = prompt(conversations.get(1), 0);
        String c = prompt(conversations.get(2), 0);
        assertThat(tokenizer.count(a)).isEqualTo(1100);
        assertThat(tokenizer.count(b)).isEqualTo(1200);
        assertThat(tokenizer.count(c)).isEqualTo(700);
        String blocks01 = a.substring(0, commonPrefix(a, b));
        // Characters past the shared blocks can match by chance, and a token can merge across a block's end.
        assertThat(tokenizer.count(blocks01)).as("[0,1,2] and [0,1,3] share two 512-token blocks")
                .isBetween(1020, 1030);
        assertThat(tokenizer.count(c.substring(0, commonPrefix(a, c)))).as("[0,4] shares block 0 only")
                .isBetween(508, 518);
        assertThat(prompt(conversations.get(3), 0)).isEqualTo("Tell me a joke about benchmarks.");
        Turn first = conversations.get(0).turns().get(0);
        assertThat(first.timestampMs()).isZero();
        assertThat(first.maxTokens()).isEqualTo(12);
        assertThat(first.texts().getFirst().name()).isEqualTo("text");
        assertThat(conversations.get(1).turns().get(0).timestampMs()).isEqualTo(40L);
        Conversation session = conversations.get(4);
        assertThat(session.sessionId()).isEqualTo("s1");
        assertThat(session.turns()).extracting(Turn::timestampMs).containsExactly(150L, null);
        assertThat(session.turns()).extracting(Turn::delayMs).containsExactly(null, 50L);
        assertThat(tokenizer.count(prompt(session, 1))).isEqualTo(80);
    }

    @Test
    void blockSizeComesFromTheOptionAndMisfitsAreErrorsAtTheirLine() throws IOException {
        Path trace = Files.writeString(dir.resolve("t.jsonl"),
                "{\"input_length\": 40, \"hash_ids\": [1, 2, 3]}\n{\"input_length\": 80, \"hash_ids\": [1, 2]}\n");
        TestConfig config = new TestConfig();
        config.trace = new TraceConfig(16, null, null, 1.0, false);

        assertThatThrownBy(() -> new MooncakeTraceDatasetLoader(Contexts.dataset(config.build())).load(trace))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessage(trace + ":2:22: field 'hash_ids': input_length 80 does not fit 2 hash_ids of 16 tokens:"
                        + " it must be more than 16 and at most 32 (block size: --isl-block-size)");
        assertThatThrownBy(() -> new MooncakeTraceDatasetLoader(Contexts.dataset(new TestConfig().build())).load(
                Files.writeString(dir.resolve("u.jsonl"), "{\"input_length\": 10, \"hash_ids\": [1, 2]}\n")))
                .hasMessageContaining("more than 512 and at most 1024");
    }

    @Test
    void replayOptionsDropLongRowsCapOutputsAndSpeedUpOrDropTheTiming() throws IOException {
        TestConfig config = new TestConfig();
        config.trace = new TraceConfig(null, 1150, 9, 2.0, false);

        List<Conversation> conversations = new MooncakeTraceDatasetLoader(Contexts.dataset(config.build()))
                .load(EXAMPLES.resolve("mooncake_trace.jsonl"));

        assertThat(conversations).as("the 1200-token row is left out").hasSize(4);
        assertThat(conversations).extracting(c -> c.turns().get(0).maxTokens()).containsExactly(9, 8, 9, 6);
        assertThat(conversations).extracting(c -> c.turns().get(0).timestampMs()).containsExactly(0L, 45L, 60L, 75L);
        assertThat(conversations.get(3).turns().get(1).delayMs()).isEqualTo(25L);

        config.trace = new TraceConfig(null, null, null, 1.0, true);
        List<Conversation> untimed = new BailianTraceDatasetLoader(Contexts.dataset(config.build()))
                .load(EXAMPLES.resolve("bailian_trace.jsonl"));
        assertThat(untimed).flatExtracting(Conversation::turns).extracting(Turn::timestampMs).containsOnlyNulls();

        config.trace = new TraceConfig(null, 10, null, 1.0, false);
        assertThatThrownBy(() -> new BurstGptTraceDatasetLoader(Contexts.dataset(config.build()))
                .load(EXAMPLES.resolve("burst_gpt_trace.csv"))).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("has no request to replay with an input length of at most 10 (--synthesis-max-isl)");
    }

    @Test
    void mooncakeLinesNeedExactlyOneInputMode() throws IOException {
        MooncakeTraceDatasetLoader loader = new MooncakeTraceDatasetLoader(Contexts.dataset(new TestConfig().build()));
        Path both = Files.writeString(dir.resolve("both.jsonl"), "{\"input_length\": 5, \"text_input\": \"x\"}\n");
        Path messages = Files.writeString(dir.resolve("m.jsonl"),
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n");
        Path typo = Files.writeString(dir.resolve("typo.jsonl"), "{\"input_len\": 5}\n");

        assertThatThrownBy(() -> loader.load(both)).hasMessageContaining(":1:21: field 'text_input': a mooncake_trace"
                + " line needs exactly one of 'input_length'");
        assertThatThrownBy(() -> loader.load(messages)).hasMessageContaining("field 'messages'")
                .hasMessageContaining("not supported by this build");
        assertThatThrownBy(() -> loader.load(typo)).hasMessageContaining(":1:2: field 'input_len': unknown field");
        assertThat(loader.canLoad(EXAMPLES.resolve("mooncake_trace.jsonl"))).isTrue();
        assertThat(loader.canLoad(EXAMPLES.resolve("bailian_trace.jsonl"))).isFalse();
        assertThat(loader.canLoad(EXAMPLES.resolve("single_turn.jsonl"))).isFalse();
    }

    @Test
    void bailianChainsChatsByParentSortsByTurnAndConvertsSecondsToMilliseconds() throws IOException {
        TestConfig config = qwen3();
        Tokenizer tokenizer = Tokenizers.forName(config.tokenizer);

        List<Conversation> conversations = new BailianTraceDatasetLoader(Contexts.dataset(config.build()))
                .load(EXAMPLES.resolve("bailian_trace.jsonl"));

        assertThat(conversations).extracting(Conversation::sessionId).containsExactly("159", "161");
        Conversation chat = conversations.get(0);
        assertThat(chat.turns()).extracting(Turn::timestampMs).containsExactly(0L, 250L);
        assertThat(chat.turns()).extracting(Turn::maxTokens).containsExactly(12, 10);
        String first = prompt(chat, 0);
        String second = prompt(chat, 1);
        assertThat(tokenizer.count(first)).isEqualTo(40);
        assertThat(tokenizer.count(second)).isEqualTo(60);
        // Hash id 1091 is the 8-token last block of the first request and a full block of the second: the same
        // text, cut shorter, so the whole first prompt is a prefix of the second.
        assertThat(second).startsWith(first);
        assertThat(conversations.get(1).turns().get(0).timestampMs()).isEqualTo(100L);
    }

    @Test
    void bailianErrorsAndDetection() throws IOException {
        BailianTraceDatasetLoader loader = new BailianTraceDatasetLoader(Contexts.dataset(new TestConfig().build()));
        Path missing = Files.writeString(dir.resolve("b.jsonl"), "{\"chat_id\": 1, \"timestamp\": 1.5}\n");
        Path duplicate = Files.writeString(dir.resolve("d.jsonl"),
                "{\"chat_id\": 1, \"timestamp\": 1, \"input_length\": 4, \"output_length\": 2}\n"
                        + "{\"chat_id\": 1, \"timestamp\": 2, \"input_length\": 4, \"output_length\": 2}\n");

        assertThatThrownBy(() -> loader.load(missing)).hasMessageContaining(":1:1: a bailian_trace line needs"
                + " 'input_length'");
        assertThatThrownBy(() -> loader.load(duplicate)).hasMessageContaining(":2:2: field 'chat_id': chat_id 1 was"
                + " already used on line 1");
        assertThat(loader.canLoad(EXAMPLES.resolve("bailian_trace.jsonl"))).isTrue();
        assertThat(loader.canLoad(EXAMPLES.resolve("mooncake_trace.jsonl"))).isFalse();
    }

    @Test
    void burstGptRowsAreOneTurnConversationsAndRowsWithoutRequestTokensAreSkipped() throws IOException {
        TestConfig config = qwen3();
        Tokenizer tokenizer = Tokenizers.forName(config.tokenizer);
        BurstGptTraceDatasetLoader loader = new BurstGptTraceDatasetLoader(Contexts.dataset(config.build()));

        List<Conversation> conversations = loader.load(EXAMPLES.resolve("burst_gpt_trace.csv"));

        assertThat(conversations).hasSize(3);
        assertThat(conversations).extracting(c -> c.turns().get(0).timestampMs()).containsExactly(0L, 50L, 200L);
        assertThat(conversations).extracting(c -> c.turns().get(0).maxTokens()).containsExactly(20, null, 16);
        assertThat(conversations).extracting(c -> tokenizer.count(prompt(c, 0))).containsExactly(120, 64, 200);
        assertThat(loader.canLoad(EXAMPLES.resolve("burst_gpt_trace.csv"))).isTrue();
        assertThat(loader.canLoad(EXAMPLES.resolve("mooncake_trace.jsonl"))).isFalse();

        Path bad = Files.writeString(dir.resolve("bad.csv"),
                "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n1,ChatGPT,many,3,3,x\n");
        assertThatThrownBy(() -> loader.load(bad)).isInstanceOf(InvalidDatasetException.class)
                .hasMessage(bad + ":2:11: field 'Request tokens': must be a number of 0 or more, got 'many'");
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
