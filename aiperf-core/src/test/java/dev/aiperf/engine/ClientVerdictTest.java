package dev.aiperf.engine;

import dev.aiperf.api.export.ClientHealth;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.Statistic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClientVerdictTest {

    private static final ClientLoadMonitor.ClientLoad CALM =
            new ClientLoadMonitor.ClientLoad(0.2, 0.5, 100, 0.25, 0.4, 4, 2, 1.5, 0.8, 10.0);

    private static MetricResult timing(String tag, double p99) {
        return new MetricResult(tag, tag, "ms", Set.of(), null, Map.of(Statistic.P50, p99 / 2, Statistic.P99, p99), 10);
    }

    @Test
    void smallDelaysNextToTheLatencyMeanTheClientKeptUp() {
        ClientHealth health = ClientVerdict.assess(List.of(timing("send_lag", 0.4), timing("queue_wait", 0.3)), CALM,
                100.0, 2500, 8);

        assertThat(health.keptUp()).isTrue();
        assertThat(health.toleranceMs()).as("5 % of the 100 ms median").isEqualTo(5.0);
        assertThat(health.verdict()).isEqualTo("Client kept up: send lag p99 0.40 ms, I/O thread lag p99 0.20 ms, "
                + "CPU 25 % of 4 processors, 2 GC pauses (longest 0.80 ms)");
    }

    @Test
    void requestsQueuedBehindTooFewConnectionsAreOneLoudLineNamingTheLimit() {
        ClientHealth health = ClientVerdict.assess(List.of(timing("send_lag", 2934.0), timing("queue_wait", 2900.0)),
                CALM, 20.0, 2500, 10_000);

        assertThat(health.keptUp()).isFalse();
        assertThat(health.verdict()).isEqualTo("WARNING: the client distorted these results: requests queued in the "
                + "client before going out: queue wait p99 2,900 ms (10000 concurrent requests share 2500 connections "
                + "per server: AIPERF_HTTP_CONNECTION_LIMIT)");
        assertThat(health.verdict()).doesNotContain("\n");
    }

    @Test
    void theWorstProblemLeadsAndTheOthersAreCounted() {
        ClientLoadMonitor.ClientLoad busy = new ClientLoadMonitor.ClientLoad(3.0, 9.0, 100, 0.97, 1.0, 2, 5, 400.0,
                150.0, 10.0);
        ClientHealth health = ClientVerdict.assess(List.of(timing("send_lag", 2.0)), busy, null, null, null);

        assertThat(health.toleranceMs()).as("1 ms without a latency to compare with").isEqualTo(1.0);
        assertThat(health.problems()).containsExactly(
                "GC paused the client 5 times for 400 ms (longest 150 ms)",
                "the I/O threads were busy: work waited 3.00 ms (p99) to run, so arrivals were stamped late",
                "requests left later than scheduled: send lag p99 2.00 ms",
                "the client's CPU was saturated: 97 % of 2 processors on average");
        assertThat(health.verdict()).isEqualTo("WARNING: the client distorted these results: GC paused the client 5 "
                + "times for 400 ms (longest 150 ms) (and 3 more: see client_health in the JSON)");
    }
}
