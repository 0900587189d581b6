package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.TestConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplerAndStoreTests {

    private static final BenchmarkConfig SEEDED = new TestConfig().build();

    private static List<Integer> draw(DatasetSampler sampler, int count) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indices.add(sampler.nextIndex());
        }
        return indices;
    }

    @Test
    void sequentialFollowsDatasetOrderAndWraps() {
        assertThat(draw(new SequentialSampler(Contexts.sampler(SEEDED, 3)), 7)).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void randomDrawsWithReplacementReproduciblyForASeed() {
        List<Integer> first = draw(new RandomSampler(Contexts.sampler(SEEDED, 10)), 200);

        assertThat(first).allSatisfy(i -> assertThat(i).isBetween(0, 9));
        assertThat(new HashSet<>(first)).hasSize(10);
        assertThat(draw(new RandomSampler(Contexts.sampler(SEEDED, 10)), 200)).isEqualTo(first);
    }

    @Test
    void shuffleVisitsEveryConversationOncePerPassAndReshufflesOnWrap() {
        List<Integer> indices = draw(new ShuffleSampler(Contexts.sampler(SEEDED, 20)), 60);

        for (int pass = 0; pass < 3; pass++) {
            assertThat(indices.subList(pass * 20, pass * 20 + 20)).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, 20).boxed().toList());
        }
        assertThat(indices.subList(0, 20)).isNotEqualTo(indices.subList(20, 40));
        assertThat(indices.subList(0, 20)).isNotEqualTo(IntStream.range(0, 20).boxed().toList());
        assertThat(draw(new ShuffleSampler(Contexts.sampler(SEEDED, 20)), 60)).isEqualTo(indices);
    }

    @Test
    void samplersRefuseAnEmptyDataset() {
        assertThatThrownBy(() -> new SequentialSampler(Contexts.sampler(SEEDED, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty dataset");
        assertThatThrownBy(() -> new ShuffleSampler(Contexts.sampler(SEEDED, 0))).hasMessageContaining("empty dataset");
        assertThatThrownBy(() -> new RandomSampler(Contexts.sampler(SEEDED, 0))).hasMessageContaining("empty dataset");
    }

    @Test
    void storeKeepsConversationsInOrder() {
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        Conversation a = new Conversation("a", List.of(Turn.ofText("x", null)), null, null);
        Conversation b = new Conversation("b", List.of(Turn.ofText("y", null)), null, null);

        store.store(List.of(a, b));

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.get(1)).isSameAs(b);
        assertThatThrownBy(() -> store.get(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("outside the dataset of 2");
    }
}
