package dev.aiperf.config;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.KeyValue;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.environment.AiperfEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The library's builder: the CLI's defaults, derived values, checks and environment overrides. */
class BenchmarkConfigsTest {

    @Test
    void unsetSettingsGetTheDefaultsOfTheCommandLine() {
        BenchmarkConfig config = BenchmarkConfigs.builder().model("m").build().config();

        assertThat(config.endpoint().urls()).containsExactly("localhost:8000");
        assertThat(config.endpoint().type()).isEqualTo("chat");
        assertThat(config.endpoint().requestTimeoutSeconds()).isEqualTo(21_600.0);
        assertThat(config.input().islMean()).isEqualTo(550);
        assertThat(config.input().numDatasetEntries()).isEqualTo(100);
        assertThat(config.load().timingStrategy()).isEqualTo(LoadConfig.REQUEST_RATE);
        assertThat(config.load().arrivalPattern()).isEqualTo(LoadConfig.CONCURRENCY_BURST);
        assertThat(config.load().concurrency()).isEqualTo(1);
        assertThat(config.load().requestCount()).isEqualTo(10);
        assertThat(config.output().ui()).isEqualTo("simple");
        assertThat(config.output().exportLevel()).isEqualTo("records");
        assertThat(config.output().artifactDir()).isEqualTo(Path.of("artifacts", "m-openai-chat-concurrency1"));
    }

    @Test
    void derivedValuesFollowTheLoad() {
        BenchmarkConfig burst = BenchmarkConfigs.builder().model("m").streaming(true).concurrency(8)
                .warmupRequestCount(5).build().config();
        assertThat(burst.load().requestCount()).as("max(10, 2 x concurrency)").isEqualTo(16);
        assertThat(burst.load().asWarmupPhase().concurrency()).as("warm-up inherits the concurrency").isEqualTo(8);
        assertThat(burst.load().asWarmupPhase().requestCount()).isEqualTo(5);

        LoadConfig rated = BenchmarkConfigs.builder().model("m").requestRate(20).build().config().load();
        assertThat(rated.arrivalPattern()).isEqualTo("poisson");
        assertThat(rated.requestCount()).isEqualTo(10);
        assertThat(rated.concurrency()).isNull();
    }

    @Test
    void typedExtraInputsAndHeadersKeepTheirValues() {
        BenchmarkConfig config = BenchmarkConfigs.builder().model("m").extraInput("ignore_eos", true)
                .extraInput("min_tokens", 64).header("X-Tenant", "a,b:c").osl(64).build().config();
        assertThat(config.endpoint().extraInputs()).containsExactly(new KeyValue("ignore_eos", true),
                new KeyValue("min_tokens", 64));
        assertThat(config.endpoint().headers()).containsExactly(new KeyValue("X-Tenant", "a,b:c"));
    }

    @Test
    void everyProblemIsReportedAtOnceWithTheCommandLineMessages() {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> BenchmarkConfigs
                .builder().concurrency(0).requestRate(-1).endpointType("chatt").exportLevel("all").build());

        assertThat(e.problems()).contains("--concurrency must be 1 or more, got 0",
                "--request-rate must be a number greater than 0, got -1.0");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("--model is required"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("--endpoint-type: ").contains("chat"));
        assertThat(e.getMessage()).isEqualTo(String.join("; ", e.problems()));
    }

    @Test
    void warningsComeBackWithTheConfiguration() {
        ConfigResult result = BenchmarkConfigs.builder().model("m").endpointType("embeddings").streaming(true).build();
        assertThat(result.config().endpoint().streaming()).isFalse();
        assertThat(result.warnings()).containsExactly(
                "--streaming ignored: endpoint type 'embeddings' does not support streaming");
    }

    @Test
    void environmentOverridesComeFromTheGivenVariables() {
        BenchmarkConfig config = BenchmarkConfigs.builder().model("m").environment(AiperfEnvironment.of(Map.of(
                AiperfEnvironment.GPU_COLLECTION_INTERVAL, "0.5",
                AiperfEnvironment.SERVER_METRICS_COLLECTION_INTERVAL, " 2 "))).build().config();
        assertThat(config.telemetry().gpuTelemetryIntervalSeconds()).isEqualTo(0.5);
        assertThat(config.telemetry().serverMetricsIntervalSeconds()).isEqualTo(2.0);

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> BenchmarkConfigs
                .builder().model("m").environment(AiperfEnvironment.of(Map.of(
                        AiperfEnvironment.GPU_COLLECTION_INTERVAL, "fast"))).build());
        assertThat(e.problems()).containsExactly("environment variable AIPERF_GPU_COLLECTION_INTERVAL must be a"
                + " number of seconds between 0.001 and 300, got 'fast'");
    }
}
