package dev.aiperf.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceDistributionTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "128,64:25;512,128:50;1024,256:25",
            " 128 , 64 : 25 ; 512,128:50 ;1024,256:25; ",
            "[(128,64):25,(512,128):50,(1024,256):25]",
            "{\"pairs\":[{\"isl\":128,\"osl\":64,\"prob\":25},{\"isl\":512,\"osl\":128,\"prob\":50},"
                    + "{\"isl\":1024,\"osl\":256,\"prob\":25}]}"})
    void theThreeFormsDescribeTheSameMixture(String text) {
        assertThat(SequenceDistribution.parse(text).pairs()).containsExactly(
                new SequenceDistribution.Pair(128, 0, 64, 0, 25),
                new SequenceDistribution.Pair(512, 0, 128, 0, 50),
                new SequenceDistribution.Pair(1024, 0, 256, 0, 25));
    }

    @Test
    void stddevsAreReadInEveryForm() {
        SequenceDistribution.Pair expected = new SequenceDistribution.Pair(256, 10, 128, 5, 40);

        assertThat(SequenceDistribution.parse("256|10,128|5:40;512|20,256|10:60").pairs().get(0)).isEqualTo(expected);
        assertThat(SequenceDistribution.parse("[(256|10,128|5):40,(512,256):60]").pairs().get(0)).isEqualTo(expected);
        assertThat(SequenceDistribution.parse("{\"pairs\":[{\"isl\":256,\"isl_stddev\":10,\"osl\":128,"
                + "\"osl_stddev\":5,\"prob\":40},{\"isl\":1,\"osl\":1,\"prob\":60}]}").pairs().get(0)).isEqualTo(expected);
    }

    @Test
    void samplingFollowsThePercentages() {
        SequenceDistribution distribution = SequenceDistribution.parse("100,10:25;200,20:75");
        SplittableRandom random = new SplittableRandom(7);
        int small = 0;
        for (int i = 0; i < 20_000; i++) {
            SequenceDistribution.Lengths lengths = distribution.sample(random);
            assertThat(lengths.isl() == 100 ? lengths.osl() : 20).isIn(10, 20);
            if (lengths.isl() == 100) {
                small++;
            }
        }
        assertThat(small / 20_000.0).isBetween(0.23, 0.27);
    }

    @Test
    void pairStddevsDrawPositiveLengths() {
        SequenceDistribution distribution = SequenceDistribution.parse("50|40,5|30:100");
        SplittableRandom random = new SplittableRandom(3);
        boolean varied = false;
        for (int i = 0; i < 1000; i++) {
            SequenceDistribution.Lengths lengths = distribution.sample(random);
            assertThat(lengths.isl()).isPositive();
            assertThat(lengths.osl()).isPositive();
            varied |= lengths.isl() != 50;
        }
        assertThat(varied).isTrue();
    }

    @Test
    void errorsNameTheFlagTheProblemAndTheValidForms() {
        assertThatThrownBy(() -> SequenceDistribution.parse("128,64:25;512,128:50"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--seq-dist").hasMessageContaining("add up to 75.0, not 100")
                .hasMessageContaining("Expected e.g.");
        assertThatThrownBy(() -> SequenceDistribution.parse("128-64:100"))
                .hasMessageContaining("cannot read the entry '128-64:100'");
        assertThatThrownBy(() -> SequenceDistribution.parse("12.5,64:100"))
                .hasMessageContaining("ISL must be a whole number");
        assertThatThrownBy(() -> SequenceDistribution.parse("[(128,64):100"))
                .hasMessageContaining("must end with ']'");
        assertThatThrownBy(() -> SequenceDistribution.parse("[(128,64):50 (1,1):50]"))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> SequenceDistribution.parse("{\"pairs\":[{\"isl\":1,\"osl\":1}]}"))
                .hasMessageContaining("\"prob\"");
        assertThatThrownBy(() -> SequenceDistribution.parse("{\"pairs\": oops}"))
                .hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> SequenceDistribution.parse("0,64:100")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> SequenceDistribution.parse("  ")).hasMessageContaining("empty");
    }
}
