package dev.aiperf.timing;

import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.RampContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The built-in ramps: exact linear times and areas, the exponential ease-in, and the API's numeric defaults. */
class LinearRampTest {

    @Test
    void concurrencyRampStepsFromOneToTheTarget() {
        LinearRamp ramp = new LinearRamp(new RampContext(1, 5, 8));
        assertThat(ramp.valueAt(0)).isEqualTo(1);
        assertThat(Math.floor(ramp.valueAt(1.99))).isEqualTo(1);
        assertThat(Math.floor(ramp.valueAt(2.0))).isEqualTo(2);
        assertThat(ramp.timeOf(3)).isEqualTo(4.0);
        assertThat(ramp.valueAt(8)).isEqualTo(5);
        assertThat(ramp.valueAt(100)).isEqualTo(5);
    }

    @Test
    void timeAfterAreaInvertsTheIntegral() {
        LinearRamp ramp = new LinearRamp(1, 11, 10); // rate 1 + u per second
        assertThat(ramp.timeAfterArea(0, 1 * 2 + 2.0 * 2 / 2)).isCloseTo(2.0, within(1e-9)); // integral over [0,2] = 4
        assertThat(ramp.timeAfterArea(12, 22)).isCloseTo(14.0, within(1e-9));
    }

    @Test
    void theNumericDefaultsOfTheApiAgreeWithTheExactLinearForms() {
        LinearRamp exact = new LinearRamp(0.5, 40, 12);
        Ramp numeric = new Ramp() {
            @Override
            public double valueAt(double elapsedSeconds) {
                return exact.valueAt(elapsedSeconds);
            }

            @Override
            public double durationSeconds() {
                return exact.durationSeconds();
            }
        };
        for (double value : new double[] {0.5, 3, 17.25, 39.9}) {
            assertThat(numeric.timeOf(value)).as("timeOf %s", value).isCloseTo(exact.timeOf(value), within(1e-6));
        }
        for (double[] fromArea : new double[][] {{0, 1}, {0, 50}, {3, 100}, {11, 300}, {15, 7}}) {
            assertThat(numeric.timeAfterArea(fromArea[0], fromArea[1])).as("from %s area %s", fromArea[0], fromArea[1])
                    .isCloseTo(exact.timeAfterArea(fromArea[0], fromArea[1]), within(1e-6));
        }
    }

    @Test
    void exponentialEasesInAndReachesTheTargetAtTheEnd() {
        ExponentialRamp ramp = new ExponentialRamp(new RampContext(1, 101, 10));
        assertThat(ramp.valueAt(0)).isEqualTo(1);
        assertThat(ramp.valueAt(5)).isCloseTo(1 + 100 * 0.25, within(1e-9)); // (t/d)^2
        assertThat(ramp.valueAt(10)).isEqualTo(101);
        assertThat(ramp.timeOf(26)).isCloseTo(5, within(1e-9));
        // Area under 1 + 100 (t/10)^2 over [0, 10] is 10 + 1000/3.
        assertThat(ramp.timeAfterArea(0, 10 + 1000.0 / 3)).isCloseTo(10, within(1e-3));
        assertThat(ramp.timeAfterArea(10, 202)).isCloseTo(12, within(1e-9));
    }
}
