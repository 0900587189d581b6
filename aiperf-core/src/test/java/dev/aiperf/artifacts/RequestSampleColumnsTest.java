package dev.aiperf.artifacts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's samples in memory: NaN reads as no value; past the bound, or once discarded, the file is to be read. */
class RequestSampleColumnsTest {

    @Test
    void samplesComeBackInOrderUntilTheBoundDiscardsThem() {
        RequestSampleColumns columns = new RequestSampleColumns(3);
        for (int i = 0; i < 3; i++) {
            columns.add(i, i + 1, 1.5, Double.NaN, 2.5, 64, i == 1);
        }
        assertThat(columns.complete()).isTrue();
        assertThat(columns.toSamples()).containsExactly(new RequestSample(0, 1, 1.5, null, 2.5, 64.0, false),
                new RequestSample(1, 2, 1.5, null, 2.5, 64.0, true), new RequestSample(2, 3, 1.5, null, 2.5, 64.0, false));

        columns.add(3, 4, 1.5, 1.0, 2.5, 64, true);

        assertThat(columns.complete()).isFalse();
        assertThat(columns.size()).isZero();
        assertThatThrownBy(columns::toSamples).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theColumnsGrowPastTheirFirstCapacity() {
        RequestSampleColumns columns = new RequestSampleColumns();
        for (int i = 0; i < 5000; i++) {
            columns.add(i, 2L * i, i, Double.NaN, Double.NaN, Double.NaN, false);
        }
        assertThat(columns.toSamples()).hasSize(5000).last().isEqualTo(new RequestSample(4999, 9998, 4999.0, null,
                null, null, false));
    }
}
