package dev.aiperf.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit conversion (metrics spec §3). */
class MetricUnitsTest {

    @Test
    void timeConvertsByMultiplyingLikeTheOriginal() {
        assertThat(MetricUnits.convert(75_000_000, "ns", "ms")).isEqualTo(75.0);
        assertThat(MetricUnits.convert(58_240_000, "ns", "ms")).isEqualTo(58.239999999999995);
        // a multiplication by 1e-9, not a division by 1e9 (which would give 0.181)
        assertThat(MetricUnits.convert(181_000_000, "ns", "sec")).isEqualTo(0.18100000000000002);
        assertThat(MetricUnits.convert(2, "sec", "ms")).isEqualTo(2000.0);
    }

    @Test
    void sizesArePowersOf1024() {
        assertThat(MetricUnits.convert(1024, "B", "KB")).isEqualTo(1.0);
        assertThat(MetricUnits.convert(1, "GB", "MB")).isEqualTo(1024.0);
    }

    @Test
    void compoundUnitsConvertPartByPart() {
        assertThat(MetricUnits.convert(1000, "tokens/sec", "tokens/ms")).isEqualTo(1.0);
        assertThat(MetricUnits.convert(2, "MB/sec", "KB/sec")).isEqualTo(2048.0);
        assertThat(MetricUnits.convert(0.5, "sec/image", "ms/image")).isEqualTo(500.0);
        assertThat(MetricUnits.convert(7, "tokens/sec/user", "tokens/sec/user")).isEqualTo(7.0);
    }

    @Test
    void unrelatedUnitsAreAnError() {
        assertThatThrownBy(() -> MetricUnits.factor("ns", "tokens")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot convert 'ns' to 'tokens': they measure different things");
        assertThatThrownBy(() -> MetricUnits.factor("tokens/sec", "tokens")).isInstanceOf(IllegalArgumentException.class);
    }
}
