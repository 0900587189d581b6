package dev.aiperf.cli.profile;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.cli.CliRun;
import dev.aiperf.cli.shared.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load-shape options: names as the original's, the timing mode they select, and their cross-option rules. */
class LoadShapeOptionsTest {

    @TempDir
    Path dir;

    private static BenchmarkConfig config(String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigBuilder.build(command, null, false, "aiperf profile").config();
    }

    private static void assertProblem(String expected, String... args) {
        assertThatThrownBy(() -> config(args)).isInstanceOf(UsageException.class).hasMessageContaining(expected);
    }

    private Path trace() throws IOException {
        Path file = dir.resolve("trace.jsonl");
        Files.writeString(file, "{\"text\": \"a\", \"timestamp\": 1000}\n{\"text\": \"b\", \"timestamp\": 1200}\n");
        return file;
    }

    @Test
    void fixedScheduleSelectsTheReplayStrategyWithItsOffsets() throws IOException {
        BenchmarkConfig c = config("-m", "m", "--input-file", trace().toString(), "--fixed-schedule",
                "--fixed-schedule-auto-offset", "--fixed-schedule-start-offset", "500", "--fixed-schedule-end-offset",
                "2000");
        assertThat(c.load().timingStrategy()).isEqualTo(LoadConfig.FIXED_SCHEDULE);
        assertThat(c.load().shape().fixedSchedule()).isTrue();
        assertThat(c.load().shape().fixedScheduleAutoOffset()).isTrue();
        assertThat(c.load().shape().fixedScheduleStartOffsetMs()).isEqualTo(500L);
        assertThat(c.load().shape().fixedScheduleEndOffsetMs()).isEqualTo(2000L);
        assertThat(c.load().concurrency()).isNull();
        assertThat(c.output().artifactDir()).isEqualTo(Path.of("artifacts", "m-openai-chat-fixed_schedule"));
    }

    @Test
    void fixedScheduleRules() throws IOException {
        assertProblem("--fixed-schedule needs --input-file", "-m", "m", "--fixed-schedule");
        assertProblem("only apply with --fixed-schedule", "-m", "m", "--fixed-schedule-auto-offset");
        assertProblem("--dataset-sampling-strategy does not apply with --fixed-schedule", "-m", "m", "--input-file",
                trace().toString(), "--fixed-schedule", "--dataset-sampling-strategy", "random");
        assertProblem("drop --request-rate", "-m", "m", "--input-file", trace().toString(), "--fixed-schedule",
                "--request-rate", "5");
    }

    @Test
    void userCentricRateNeedsUsersTurnsAndAStopCondition() {
        BenchmarkConfig c = config("-m", "m", "--user-centric-rate", "10", "--num-users", "4", "--session-turns-mean",
                "3", "--benchmark-duration", "5");
        assertThat(c.load().timingStrategy()).isEqualTo(LoadConfig.USER_CENTRIC_RATE);
        assertThat(c.load().shape().numUsers()).isEqualTo(4);
        assertThat(c.load().concurrency()).isNull();
        assertThat(c.load().gracePeriodSeconds()).isInfinite();
        assertThat(c.output().artifactDir().getFileName().toString()).isEqualTo("m-openai-chat-user_centric-users4-qps10.0");
        assertProblem("--user-centric-rate needs --num-users", "-m", "m", "--user-centric-rate", "10",
                "--session-turns-mean", "3", "--benchmark-duration", "5");
        assertProblem("--num-users only applies with --user-centric-rate", "-m", "m", "--num-users", "3");
        assertProblem("--session-turns-mean 2 or more", "-m", "m", "--user-centric-rate", "10", "--num-users", "4",
                "--benchmark-duration", "5");
        assertProblem("drop --request-rate", "-m", "m", "--user-centric-rate", "10", "--num-users", "4",
                "--session-turns-mean", "3", "--request-rate", "5", "--benchmark-duration", "5");
        assertProblem("needs a stop condition", "-m", "m", "--user-centric-rate", "10", "--num-users", "4",
                "--session-turns-mean", "3");
        assertProblem("--num-users (8) must not exceed --request-count (5)", "-m", "m", "--user-centric-rate", "10",
                "--num-users", "8", "--session-turns-mean", "3", "--request-count", "5");
    }

    @Test
    void prefillConcurrencyNeedsStreamingAndFitsUnderTheConcurrency() {
        BenchmarkConfig c = config("-m", "m", "--streaming", "--prefill-concurrency", "4",
                "--prefill-concurrency-ramp-duration", "2");
        assertThat(c.load().shape().prefillConcurrency()).isEqualTo(4);
        assertThat(c.load().shape().prefillConcurrencyRampSeconds()).isEqualTo(2.0);
        // Alone, the prefill limit bounds the load: the session limit stays unlimited.
        assertThat(c.load().concurrency()).isNull();
        assertThat(c.load().requestCount()).isEqualTo(10);
        assertProblem("needs --streaming", "-m", "m", "--prefill-concurrency", "4");
        assertProblem("--prefill-concurrency (9) must not exceed --concurrency (4)", "-m", "m", "--streaming",
                "--concurrency", "4", "--prefill-concurrency", "9");
        assertProblem("--prefill-concurrency-ramp-duration needs --prefill-concurrency", "-m", "m", "--streaming",
                "--prefill-concurrency-ramp-duration", "2");
    }

    @Test
    void cancellationRateIsAPercentageAndItsDelayNeedsIt() {
        BenchmarkConfig c = config("-m", "m", "--request-cancellation-rate", "25", "--request-cancellation-delay", "0.5");
        assertThat(c.load().shape().requestCancellationRate()).isEqualTo(25.0);
        assertThat(c.load().shape().requestCancellationDelaySeconds()).isEqualTo(0.5);
        assertProblem("percentage in (0, 100]", "-m", "m", "--request-cancellation-rate", "150");
        assertProblem("--request-cancellation-delay only applies with --request-cancellation-rate", "-m", "m",
                "--request-cancellation-delay", "1");
    }

    @Test
    void rampTypeAndUrlStrategyAreChosenByNameThroughTheRegistry() {
        BenchmarkConfig c = config("-m", "m", "--concurrency", "8", "--concurrency-ramp-duration", "2", "--ramp-type",
                "exponential", "--url-strategy", "round-robin");
        assertThat(c.load().shape().rampType()).isEqualTo("exponential");
        assertThat(c.load().shape().urlSelectionStrategy()).isEqualTo("round_robin");
        assertThat(config("-m", "m").load().shape().rampType()).isEqualTo("linear");
        assertProblem("--ramp-type", "-m", "m", "--ramp-type", "expo");
        assertProblem("--url-strategy", "-m", "m", "--url-strategy", "fastest");
    }

    @Test
    void aTraceReplaysAgainstTheMockFromTheCommandLine() throws IOException {
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "2", "--mock-itl", "1", "--streaming", "--ui",
                "none", "--input-file", trace().toString(), "--fixed-schedule", "--fixed-schedule-auto-offset",
                "--artifact-dir", dir.resolve("out").toString(), "--no-preconnect");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Send lag (actual minus scheduled send time): p50");
        assertThat(Files.readAllLines(dir.resolve("out/profile_export.jsonl"))).hasSize(2);
    }

    /** The timing strategy the load-shape rules pick for these options. */
    private static String strategyOf(String... args) {
        return config(args).load().timingStrategy();
    }

    @Test
    void aTimestampedTraceIsReplayedUnlessTheRunOptsOut() throws IOException {
        Path trace = dir.resolve("mooncake.jsonl");
        Files.writeString(trace, "\n{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 4}\n");
        Path untimed = dir.resolve("untimed.jsonl");
        Files.writeString(untimed, "{\"input_length\": 10, \"output_length\": 4}\n");

        assertThat(strategyOf("-m", "m", "--input-file", trace.toString(), "--custom-dataset-type", "mooncake_trace"))
                .isEqualTo(LoadConfig.FIXED_SCHEDULE);
        assertThat(strategyOf("-m", "m", "--input-file", trace.toString(), "--custom-dataset-type", "bailian-trace"))
                .isEqualTo(LoadConfig.FIXED_SCHEDULE);
        assertThat(strategyOf("-m", "m", "--input-file", trace.toString(), "--custom-dataset-type", "mooncake_trace",
                "--no-fixed-schedule")).isEqualTo(LoadConfig.REQUEST_RATE);
        // No timestamp, the type not given, or another type: the run keeps its rate or concurrency.
        assertThat(strategyOf("-m", "m", "--input-file", untimed.toString(), "--custom-dataset-type", "mooncake_trace"))
                .isEqualTo(LoadConfig.REQUEST_RATE);
        assertThat(strategyOf("-m", "m", "--input-file", trace.toString())).isEqualTo(LoadConfig.REQUEST_RATE);
        assertThat(strategyOf("-m", "m", "--input-file", trace().toString(), "--custom-dataset-type", "single_turn"))
                .isEqualTo(LoadConfig.REQUEST_RATE);
        // The offsets need the option itself; the two options contradict each other.
        assertProblem("only apply with --fixed-schedule", "-m", "m", "--input-file", trace.toString(),
                "--custom-dataset-type", "single_turn", "--fixed-schedule-auto-offset");
        assertProblem("contradict each other", "-m", "m", "--input-file", trace().toString(), "--fixed-schedule",
                "--no-fixed-schedule");
    }
}
