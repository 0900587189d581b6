package dev.aiperf.metrics;

import dev.aiperf.api.model.HttpTrace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The phase formulas of metrics spec §2.2 "HTTP trace", edge cases included. */
class HttpPhasesTest {

    /** A trace of a new cleartext connection: stamps in ms-like units for readability. */
    private static HttpTrace trace(long reused, long[] chunks, long errorNs) {
        int[] sizes = new int[chunks.length];
        java.util.Arrays.fill(sizes, 10);
        return new HttpTrace("t", 100, 110, 110, 115, 115, 130, 0, 0, reused, null, 0, null, 0,
                140, 145, 145, new long[]{145}, new int[]{50}, 1, 50, 200, "OK", null, 160,
                chunks.length == 0 ? 0 : chunks[0], chunks.length == 0 ? 0 : 200, chunks, sizes, chunks.length,
                10L * chunks.length, errorNs);
    }

    @Test
    void aNewConnectionsPhasesAddUpToTheTotal() {
        HttpTrace t = trace(0, new long[]{170, 180, 200}, 0);
        assertThat(HttpPhases.blocked(t)).isEqualTo(10);
        assertThat(HttpPhases.dnsLookup(t)).isEqualTo(5);
        assertThat(HttpPhases.connecting(t)).isEqualTo(15);
        assertThat(HttpPhases.tlsHandshaking(t)).isZero();
        assertThat(HttpPhases.sending(t)).isEqualTo(5);
        assertThat(HttpPhases.waiting(t)).isEqualTo(25);
        assertThat(HttpPhases.receiving(t)).isEqualTo(30);
        assertThat(HttpPhases.duration(t)).isEqualTo(60);
    }

    @Test
    void aReusedConnectionHasNoDnsNorConnecting() {
        HttpTrace t = trace(110, new long[]{170}, 0);
        assertThat(HttpPhases.dnsLookup(t)).isZero();
        assertThat(HttpPhases.connecting(t)).isZero();
        assertThat(HttpPhases.receiving(t)).as("one chunk").isZero();
    }

    @Test
    void missingStampsGiveNoValue() {
        HttpTrace none = trace(0, new long[0], 150);
        assertThat(HttpPhases.receiving(none)).as("no chunk").isEqualTo(HttpPhases.NONE);
        assertThat(HttpPhases.waiting(none)).isEqualTo(HttpPhases.NONE);
        assertThat(HttpPhases.duration(none)).isEqualTo(HttpPhases.NONE);
        HttpTrace noWait = new HttpTrace("t", 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, null, 0, 0, 0, 0, new long[0],
                new int[0], 0, 0, 0, null, null, 0, 0, 0, new long[0], new int[0], 0, 0, 0);
        assertThat(HttpPhases.blocked(noWait)).as("no wait started").isZero();
        assertThat(HttpPhases.connecting(noWait)).isEqualTo(HttpPhases.NONE);
        assertThat(HttpPhases.sending(noWait)).isEqualTo(HttpPhases.NONE);
    }
}
