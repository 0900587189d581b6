package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.TestConfig;
import dev.aiperf.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ShareGPT from a small real file in the usual layout (test resource datasets/sharegpt_small.json). */
class ShareGptDatasetLoaderTests {

    private static final Tokenizer CL100K = Tokenizers.forName("cl100k_base");

    @TempDir
    Path dir;

    static Path smallFile() {
        try {
            return Path.of(ShareGptDatasetLoaderTests.class.getResource("/datasets/sharegpt_small.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Conversation> load(TestConfig config, Path file) throws IOException {
        return new ShareGptDatasetLoader(Contexts.dataset(config.build())).load(file);
    }

    /** id -> {prompt, completion} of the file's first two messages, read independently of the loader. */
    private static Map<String, String[]> firstPairs() throws IOException {
        Map<String, String[]> pairs = new HashMap<>();
        for (JsonNode entry : new ObjectMapper().readTree(smallFile().toFile())) {
            JsonNode messages = entry.path("conversations");
            if (messages.size() >= 2) {
                pairs.put(entry.get("id").asText(), new String[] {messages.get(0).get("value").asText(),
                        messages.get(1).get("value").asText()});
            }
        }
        return pairs;
    }

    @Test
    void keepsTheFirstPairOfEntriesWithinTheOriginalsLengthsWithMaxTokensFromTheCompletion() throws IOException {
        TestConfig config = new TestConfig();
        config.randomSeed = 1L;

        List<Conversation> conversations = load(config, smallFile());

        Map<String, String[]> pairs = firstPairs();
        List<String> expected = List.of("keep_capital", "keep_code", "keep_translation", "keep_gpt_first", "keep_unicode");
        assertThat(conversations).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] pair = pairs.get(expected.get(i));
            Conversation conversation = conversations.get(i);
            assertThat(conversation.sessionId()).isEqualTo("session_%06d".formatted(i));
            assertThat(conversation.turns()).hasSize(1);
            Turn turn = conversation.turns().get(0);
            assertThat(turn.texts()).containsExactly(new Turn.Text("", List.of(pair[0])));
            assertThat(turn.maxTokens()).isEqualTo(CL100K.count(pair[1]));
            assertThat(turn.model()).isEqualTo("test-model");
        }
        // What was dropped was dropped for the right reason (cl100k counts).
        assertThat(CL100K.count(pairs.get("drop_short_prompt")[0])).isLessThan(4);
        assertThat(CL100K.count(pairs.get("drop_short_completion")[1])).isLessThan(4);
        assertThat(CL100K.count(pairs.get("drop_long_prompt")[0])).isGreaterThan(1024);
        int longPrompt = CL100K.count(pairs.get("drop_long_total")[0]);
        assertThat(longPrompt).isLessThanOrEqualTo(1024);
        assertThat(longPrompt + CL100K.count(pairs.get("drop_long_total")[1])).isGreaterThan(2048);
    }

    @Test
    void withOslTheCompletionMinimumIsNotCheckedAndModelsRoundRobin() throws IOException {
        TestConfig config = new TestConfig();
        config.oslMean = 100;
        config.models = List.of("a", "b");

        List<Conversation> conversations = load(config, smallFile());

        List<String> prompts = new ArrayList<>();
        conversations.forEach(c -> prompts.add(c.turns().get(0).texts().get(0).contents().get(0)));
        assertThat(prompts).hasSize(6).contains(firstPairs().get("drop_short_completion")[0]);
        // The completion's length stays the max tokens, as the original: --osl does not override it.
        assertThat(conversations.get(2).turns().get(0).maxTokens()).isEqualTo(CL100K.count("Yes."));
        assertThat(conversations).extracting(c -> c.turns().get(0).model()).containsExactly("a", "b", "a", "b", "a", "b");
        assertThat(new ShareGptDatasetLoader(Contexts.dataset(config.build())).preferredSampler()).isEqualTo("sequential");
    }

    @Test
    void badFilesNameTheFileLineColumnAndWhatIsExpected() throws IOException {
        Path cut = Files.writeString(dir.resolve("cut.json"), "[\n  {\"conversations\": [\n");
        Path object = Files.writeString(dir.resolve("object.json"), "{\"conversations\": []}");
        Path noValue = Files.writeString(dir.resolve("novalue.json"), "[\n{\"conversations\": [{\"from\": \"human\"},"
                + " {\"from\": \"gpt\", \"value\": \"x\"}]}]");
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'});
        Path nothingKept = Files.writeString(dir.resolve("short.json"),
                "[{\"conversations\": [{\"from\": \"human\", \"value\": \"Hi\"}, {\"from\": \"gpt\", \"value\": \"Yo\"}]}]");

        assertThatThrownBy(() -> load(new TestConfig(), cut)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageStartingWith(cut + ":").hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> load(new TestConfig(), object)).hasMessageStartingWith(object + ":1:1: expected a JSON array");
        assertThatThrownBy(() -> load(new TestConfig(), noValue)).hasMessageStartingWith(noValue + ":2:1: entry 0:")
                .hasMessageContaining("needs a string 'value'");
        assertThatThrownBy(() -> load(new TestConfig(), binary)).hasMessageStartingWith(binary + ":1:")
                .hasMessageContaining("Invalid UTF-8");
        assertThatThrownBy(() -> load(new TestConfig(), nothingKept)).hasMessageContaining("no ShareGPT entry passed");
        assertThatThrownBy(() -> load(new TestConfig(), dir.resolve("missing.json")))
                .hasMessageContaining("does not exist").hasMessageContaining(ShareGptDatasetLoader.FILE_NAME);
    }
}
