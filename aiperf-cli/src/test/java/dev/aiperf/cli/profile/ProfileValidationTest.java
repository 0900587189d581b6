package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.cli.shared.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec §1.4: derived defaults and cross-option rules, each mistake a one-line error and exit code 2. */
class ProfileValidationTest {

    @TempDir
    Path dir;

    private static ProfileConfigBuilder.Result build(String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigBuilder.build(command, null, false, "aiperf profile");
    }

    private static BenchmarkConfig config(String... args) {
        return build(args).config();
    }

    private static void assertUsageError(String expected, String... args) {
        CliRun run = CliRun.of(prepend(args));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("aiperf: error: ").contains(expected).contains("--help");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    private static String[] prepend(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "profile";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    @Test
    void concurrencyModeDefaultsToOneSessionAndTenRequests() {
        BenchmarkConfig c = config("-m", "m");
        assertThat(c.load().arrivalPattern()).isEqualTo("concurrency_burst");
        assertThat(c.load().concurrency()).isEqualTo(1);
        assertThat(c.load().requestCount()).isEqualTo(10);
        assertThat(c.output().artifactDir()).isEqualTo(Path.of("artifacts", "m-openai-chat-concurrency1"));
    }

    @Test
    void concurrencyModeRequestCountIsTwiceTheConcurrency() {
        assertThat(config("-m", "m", "--concurrency", "32").load().requestCount()).isEqualTo(64);
        assertThat(config("-m", "m", "--concurrency", "32", "--benchmark-duration", "5").load().requestCount())
                .isNull();
    }

    @Test
    void aRateDefaultsToPoissonAndTenRequests() {
        BenchmarkConfig c = config("-m", "Qwen/Qwen3-0.6B", "-m", "other", "--request-rate", "5", "--concurrency", "10",
                "--request-count", "100");
        assertThat(c.load().arrivalPattern()).isEqualTo("poisson");
        assertThat(c.output().artifactDir().toString())
                .isEqualTo(Path.of("artifacts", "Qwen_Qwen3-0.6B_multi-openai-chat-concurrency10-request_rate5.0").toString());
        assertThat(config("-m", "m", "--request-rate", "2.5").load().requestCount()).isEqualTo(10);
    }

    @Test
    void smoothnessAloneSelectsGamma() {
        assertThat(config("-m", "m", "--request-rate", "5", "--vllm-burstiness", "0.5").load().arrivalPattern())
                .isEqualTo("gamma");
    }

    @Test
    void listOptionsSplitOnCommasAndRepeat() {
        BenchmarkConfig c = config("-m", "a, b", "--model", "c", "--url", "h1:1,h2:2", "--extra-inputs",
                "ignore_eos:true,min_tokens:5", "--isl", "9", "--extra-inputs", "{\"temperature\": 0.5, \"stop\": [\"x\"]}",
                "-H", "X-A:1");
        assertThat(c.endpoint().models()).containsExactly("a", "b", "c");
        assertThat(c.endpoint().urls()).containsExactly("h1:1", "h2:2");
        assertThat(c.endpoint().extraInputs()).extracting(kv -> kv.key())
                .containsExactly("ignore_eos", "min_tokens", "temperature", "stop");
        assertThat(c.endpoint().extraInputs().get(1).value()).isEqualTo(5);
        assertThat(c.endpoint().headers().getFirst().value()).isEqualTo(1);
    }

    @Test
    void gracePeriodAcceptsInfinity() {
        assertThat(config("-m", "m", "--benchmark-duration", "3", "--benchmark-grace-period", "inf").load()
                .gracePeriodSeconds()).isInfinite();
    }

    @Test
    void explicitArtifactDirectoryIsUsedAsIs() {
        assertThat(config("-m", "m", "--output-artifact-dir", "out/x").output().artifactDir()).isEqualTo(Path.of("out/x"));
    }

    @Test
    void goodputParsesSpaceSeparatedPairs() {
        assertThat(config("-m", "m", "--goodput", "request_latency:250 inter_token_latency:10.5").output().goodput())
                .containsEntry("request_latency", 250.0).containsEntry("inter_token_latency", 10.5);
    }

    @Test
    void oslWithoutIgnoreEosWarns() {
        assertThat(build("-m", "m", "--osl", "64").warnings()).anySatisfy(w -> assertThat(w).contains("ignore_eos"));
        assertThat(build("-m", "m", "--osl", "64", "--extra-inputs", "ignore_eos:true").warnings()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> build("--request-count", "5", "--num-sessions", "3", "--isl", "-4"))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void modelIsRequiredWithoutMock() {
        assertUsageError("--model is required");
    }

    @Test
    void unknownEndpointTypeSuggestsTheClosest() {
        assertUsageError("Did you mean 'chat'?", "-m", "m", "--endpoint-type", "chta");
    }

    @Test
    void unknownOptionSuggestsTheClosest() {
        assertUsageError("did you mean '--concurrency'", "-m", "m", "--concurency", "4");
    }

    @Test
    void negativeNumbersStillPassAsValues() {
        assertThat(config("-m", "m", "--random-seed", "-5").input().randomSeed()).isEqualTo(-5L);
    }

    @Test
    void burstPatternCannotTakeARate() {
        assertUsageError("concurrency_burst", "-m", "m", "--request-rate", "5", "--arrival-pattern", "concurrency_burst");
    }

    @Test
    void smoothnessNeedsGamma() {
        assertUsageError("--arrival-smoothness only applies", "-m", "m", "--request-rate", "5",
                "--arrival-pattern", "poisson", "--arrival-smoothness", "2");
    }

    @Test
    void gracePeriodNeedsADuration() {
        assertUsageError("--benchmark-grace-period only applies with --benchmark-duration", "-m", "m",
                "--benchmark-grace-period", "5");
        assertUsageError("--warmup-grace-period only applies with --warmup-duration", "-m", "m",
                "--warmup-request-count", "3", "--warmup-grace-period", "5");
    }

    @Test
    void requestCountAndSessionsAreExclusive() {
        assertUsageError("mutually exclusive", "-m", "m", "--request-count", "5", "--num-sessions", "3");
    }

    @Test
    void concurrencyCannotExceedTheRequestCount() {
        assertUsageError("--concurrency (50) must not exceed --request-count (10)", "-m", "m", "--concurrency", "50",
                "--request-rate", "5");
        assertUsageError("must not exceed --num-sessions", "-m", "m", "--concurrency", "5", "--num-sessions", "2");
    }

    @Test
    void rateRampNeedsARate() {
        assertUsageError("--request-rate-ramp-duration needs --request-rate", "-m", "m",
                "--request-rate-ramp-duration", "5");
    }

    @Test
    void aMissingInputFileIsNamed() {
        assertUsageError("does-not-exist.jsonl does not exist", "-m", "m", "--input-file",
                dir.resolve("does-not-exist.jsonl").toString());
    }

    @Test
    void customDatasetTypeNeedsAFile() {
        assertUsageError("--custom-dataset-type needs --input-file", "-m", "m", "--custom-dataset-type", "single_turn");
    }

    @Test
    void sharedSystemPromptExcludesThePrefixPool() {
        assertUsageError("cannot be combined", "-m", "m", "--shared-system-prompt-length", "10",
                "--num-prefix-prompts", "2", "--prefix-prompt-length", "5");
    }

    @Test
    void malformedKeyValuesShowAnExample() {
        assertUsageError("must be key:value (e.g. ignore_eos:true,min_tokens:64)", "-m", "m", "--extra-inputs",
                "ignore_eos");
        assertUsageError("is not valid JSON", "-m", "m", "--extra-inputs", "{\"a\": ");
    }

    @Test
    void malformedGoodputIsExplained() {
        assertUsageError("--goodput entry 'request_latency' must be metric:value", "-m", "m", "--goodput",
                "request_latency");
    }

    @Test
    void anUnknownGoodputMetricSuggestsTheClosest() {
        assertUsageError("did you mean 'request_latency'", "--mock", "--goodput", "request_latncy:250",
                "--artifact-dir", dir.resolve("g").toString());
    }

    @Test
    void mockAndUrlAreExclusive() {
        assertUsageError("--mock starts its own server", "--mock", "--url", "localhost:9");
    }

    @Test
    void anEmptyInputFileIsRejectedBeforeSending() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertUsageError("empty", "--mock", "--input-file", empty.toString(), "--artifact-dir",
                dir.resolve("a").toString());
    }
}
