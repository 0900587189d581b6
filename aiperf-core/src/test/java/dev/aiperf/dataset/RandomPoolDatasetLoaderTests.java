package dev.aiperf.dataset;

import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomPoolDatasetLoaderTests {

    private static final Path POOLS = MultiTurnDatasetLoaderTests.EXAMPLES.resolve("random_pool");

    @TempDir
    Path dir;

    private static RandomPoolDatasetLoader loader(TestConfig config) {
        return new RandomPoolDatasetLoader(Contexts.dataset(config.build()));
    }

    @Test
    void aDirectoryMergesOneDrawFromEveryPoolIntoEachOfNumSessionsConversations() throws IOException {
        TestConfig config = new TestConfig();
        config.numSessions = 40;

        List<Conversation> conversations = loader(config).load(POOLS);

        assertThat(conversations).hasSize(40).allSatisfy(c -> assertThat(c.turns()).hasSize(1));
        Set<String> queries = Set.of("Who wrote this passage?", "Which year is it set in?", "What is the main argument?");
        for (Conversation conversation : conversations) {
            List<Turn.Text> texts = conversation.turns().get(0).texts();
            // Pools in sorted file order: passages.jsonl, then queries.jsonl; unnamed texts take the file stem.
            assertThat(texts).hasSize(2);
            assertThat(texts.get(0).name()).isIn("passages", "context");
            assertThat(texts.get(1).name()).isEqualTo("queries");
            assertThat(texts.get(1).contents()).singleElement().isIn(queries);
        }
        Set<String> drawn = conversations.stream().map(c -> c.turns().get(0).texts().get(1).contents().get(0))
                .collect(Collectors.toSet());
        assertThat(drawn).as("drawn with replacement, every entry comes up in 40 draws").isEqualTo(queries);
        assertThat(loader(config).load(POOLS)).as("same seed, same dataset").isEqualTo(conversations);
        assertThat(loader(config).preferredSampler()).isEqualTo("shuffle");
    }

    @Test
    void withoutNumSessionsThereAreAHundredAndABatchSizeDrawsFromAllPoolsTogether() throws IOException {
        assertThat(loader(new TestConfig()).load(POOLS)).hasSize(100);

        TestConfig config = new TestConfig();
        config.numSessions = 5;
        config.promptBatchSize = 3;
        for (Conversation conversation : loader(config).load(POOLS)) {
            assertThat(conversation.turns().get(0).allTexts()).hasSize(3);
        }
    }

    @Test
    void aSingleFileIsOnePoolNamedAfterItsStem() throws IOException {
        Path pool = Files.writeString(dir.resolve("questions.jsonl"), "{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        TestConfig config = new TestConfig();
        config.numSessions = 3;

        List<Conversation> conversations = loader(config).load(pool);

        assertThat(conversations).allSatisfy(c -> assertThat(c.turns().get(0).texts()).singleElement()
                .satisfies(t -> assertThat(t.name()).isEqualTo("questions")));
    }

    @Test
    void detectionClaimsDirectoriesAndTypedFilesOnly() throws IOException {
        RandomPoolDatasetLoader loader = loader(new TestConfig());
        assertThat(loader.canLoad(POOLS)).isTrue();
        assertThat(loader.canLoad(MultiTurnDatasetLoaderTests.EXAMPLES.resolve("single_turn.jsonl"))).isFalse();
        Path typed = Files.writeString(dir.resolve("typed.jsonl"), "{\"type\": \"random_pool\", \"text\": \"a\"}\n");
        assertThat(loader.canLoad(typed)).isTrue();
        Path emptyDir = Files.createDirectory(dir.resolve("empty"));
        assertThat(loader.canLoad(emptyDir)).isFalse();
        assertThatThrownBy(() -> loader.load(emptyDir)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("holds no pool files");
    }

    @Test
    void timingFieldsAreNotPartOfAPool() throws IOException {
        Path pool = Files.writeString(dir.resolve("p.jsonl"), "{\"text\": \"a\", \"delay\": 5}\n");
        assertThatThrownBy(() -> loader(new TestConfig()).load(pool)).hasMessage(pool + ":1:15: field 'delay':"
                + " unknown field; a random_pool turn may have audio, audios, image, images, output_length, text, texts, type,"
                + " video, videos");
    }
}
