package dev.aiperf.artifacts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The series the plots and the report draw: histograms, time windows, percentiles, the Pareto front. */
class SeriesTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;

    @TempDir
    Path dir;

    @Test
    void aHistogramCountsEveryValueOnceAndKeepsItsBinsBetweenFiveAndSixty() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + (i % 100) * 0.5;
        }
        Histogram histogram = Histogram.of(values);
        assertThat(histogram.total()).isEqualTo(1000);
        assertThat(histogram.bins()).isBetween(5, 60);
        assertThat(histogram.edges()[0]).isEqualTo(10.0);
        assertThat(histogram.edges()[histogram.bins()]).isCloseTo(59.5, within(1e-9));
        assertThat(Histogram.of(new double[] {3, 3, 3}).counts()).containsExactly(3);
        assertThat(Histogram.of(new double[0]).bins()).isZero();
    }

    @Test
    void percentilesInterpolateBetweenRanksLikeTheSummary() {
        double[] values = {1, 2, 3, 4};
        assertThat(Percentiles.of(values, 50)).isEqualTo(2.5);
        assertThat(Percentiles.of(values, 99)).isCloseTo(3.97, within(1e-9));
        assertThat(Percentiles.of(values, 0)).isEqualTo(1.0);
    }

    @Test
    void timeWindowsCountCompletionsAndSpreadTokensOverGeneration() {
        // Two requests of 1 s each (TTFT 0), 10 tokens each, the second failing half-way through the run.
        RunArtifacts run = run(List.of(
                new RequestSample(T0, T0 + SECOND, 0.0, 100.0, 1000.0, 10.0, false),
                new RequestSample(T0 + SECOND, T0 + 2 * SECOND, 0.0, 100.0, 1000.0, 10.0, false),
                new RequestSample(T0, T0 + 2 * SECOND, null, null, null, null, true)));
        TimeWindows windows = TimeWindows.of(run);

        assertThat(windows.widthSeconds()).isEqualTo(0.5);
        assertThat(windows.windows()).hasSize(4);
        double tokens = windows.windows().stream().mapToDouble(w -> w.tokensPerSecond() * 0.5).sum();
        assertThat(tokens).isCloseTo(20.0, within(1e-9));
        assertThat(windows.windows().get(0).tokensPerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(windows.windows().stream().mapToLong(TimeWindows.Window::errors).sum()).isEqualTo(1);
        assertThat(windows.windows().stream().mapToDouble(w -> w.requestsPerSecond() * 0.5).sum())
                .isCloseTo(2.0, within(1e-9));
    }

    @Test
    void windowWidthsAreRoundNumbers() {
        assertThat(TimeWindows.roundWidth(0.01)).isEqualTo(0.5);
        assertThat(TimeWindows.roundWidth(0.7)).isEqualTo(1.0);
        assertThat(TimeWindows.roundWidth(1.5)).isEqualTo(2.0);
        assertThat(TimeWindows.roundWidth(3)).isEqualTo(5.0);
        assertThat(TimeWindows.roundWidth(12)).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void windowPercentilesUseTheRequestsStartedInEachWindow() {
        RunArtifacts run = run(List.of(
                new RequestSample(T0, T0 + SECOND, 10.0, null, null, null, false),
                new RequestSample(T0 + 100, T0 + SECOND, 20.0, null, null, null, false),
                new RequestSample(T0 + 3 * SECOND, T0 + 4 * SECOND, 50.0, null, null, null, false)));
        List<TimeWindows.WindowPercentiles> windows = TimeWindows.percentiles(run, 1.0, RequestSample::ttftMs);
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).p50()).isEqualTo(15.0);
        assertThat(windows.get(0).count()).isEqualTo(2);
        assertThat(windows.get(1).startSeconds()).isEqualTo(3.0);
    }

    @Test
    void theParetoFrontKeepsTheRunsNoOtherBeatsOnBoth() {
        ParetoFront.Point fast = new ParetoFront.Point("c1", 100, 50);
        ParetoFront.Point balanced = new ParetoFront.Point("c4", 150, 180);
        ParetoFront.Point dominated = new ParetoFront.Point("c2", 160, 120);
        ParetoFront.Point busy = new ParetoFront.Point("c16", 400, 300);
        assertThat(ParetoFront.of(List.of(busy, dominated, fast, balanced))).containsExactly(fast, balanced, busy);
    }

    @Test
    void recordsAreReadWithATornLastLineSkippedButABadLineInTheMiddleRejected() throws IOException {
        String good = "{\"metadata\":{\"request_start_ns\":1,\"request_end_ns\":5,\"benchmark_phase\":\"profiling\"},"
                + "\"metrics\":{\"time_to_first_token\":{\"value\":2.5,\"unit\":\"ms\"}},\"error\":null}";
        String warmup = good.replace("profiling", "warmup");
        Files.writeString(dir.resolve("profile_export.jsonl"), good + "\n" + warmup + "\n" + "{\"metadata\":{\"req");
        List<RequestSample> samples = RunArtifacts.readRequests(dir.resolve("profile_export.jsonl"));
        assertThat(samples).containsExactly(new RequestSample(1, 5, 2.5, null, null, null, false));

        Files.writeString(dir.resolve("bad.jsonl"), good + "\nnot json\n" + good + "\n");
        assertThatThrownBy(() -> RunArtifacts.readRequests(dir.resolve("bad.jsonl")))
                .hasMessageContaining("bad.jsonl line 2 is not JSON");
    }

    @Test
    void runDirectoriesAreFoundBelowAParentAndAMissingPathIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("sweep/c1"));
        Files.createDirectories(dir.resolve("sweep/c2/profile_runs/run_0001"));
        Files.createDirectories(dir.resolve("sweep/empty"));
        Files.writeString(dir.resolve("sweep/c1/profile_export_aiperf.json"), "{}");
        Files.writeString(dir.resolve("sweep/c2/profile_runs/run_0001/profile_export_aiperf.json"), "{}");

        assertThat(RunDirectories.find(List.of(dir.resolve("sweep")))).containsExactly(
                dir.resolve("sweep/c1").toAbsolutePath(), dir.resolve("sweep/c2/profile_runs/run_0001").toAbsolutePath());
        assertThat(RunDirectories.find(List.of(dir.resolve("sweep/c1"), dir.resolve("sweep/c1")))).hasSize(1);
        assertThatThrownBy(() -> RunDirectories.find(List.of(dir.resolve("nope"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such directory");
    }

    @Test
    void repeatsOfAStudyAreGroupedByTheirConfiguration() {
        Path repeat = dir.resolve("study/c8/profile_runs/run_0002");
        Path trial = dir.resolve("study/profile_runs/trial_0001/c8");
        assertThat(RunCells.cellName(repeat)).isEqualTo("c8");
        assertThat(RunCells.cellName(trial)).isEqualTo("c8");
        assertThat(RunCells.label(repeat)).isEqualTo("c8 run_0002");
        assertThat(RunCells.label(trial)).isEqualTo("c8 trial_0001");
        assertThat(RunCells.label(dir.resolve("concurrency4"))).isEqualTo("concurrency4");
    }

    @Test
    void aMeanIntervalUsesStudentsT() {
        MeanInterval interval = MeanInterval.of(List.of(10.0, 12.0, 14.0));
        assertThat(interval.mean()).isEqualTo(12.0);
        // s = 2, n = 3, t(2) = 4.303: half width 4.303 * 2 / sqrt(3)
        assertThat(interval.high() - interval.mean()).isCloseTo(4.303 * 2 / Math.sqrt(3), within(1e-9));
        assertThat(MeanInterval.of(List.of(5.0))).isEqualTo(new MeanInterval(5.0, 5.0, 5.0, 1));
    }

    private RunArtifacts run(List<RequestSample> requests) {
        return new RunArtifacts(dir, JsonNodeFactory.instance.objectNode(), requests, null, null);
    }
}
