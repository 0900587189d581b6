package dev.aiperf.cli.profile;

import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.config.BenchmarkConfigBuilder;
import dev.aiperf.config.BenchmarkConfigs;
import dev.aiperf.config.ConfigResult;
import dev.aiperf.config.InvalidConfigException;
import dev.aiperf.config.Invocation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A library user's builder and the command line go through the same rules: same configuration, same problems. */
class LibraryConfigTest {

    private static ProfileConfigBuilder.Result cli(String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigBuilder.build(command, null, false, "aiperf profile");
    }

    private static BenchmarkConfigBuilder library() {
        return BenchmarkConfigs.builder().invocation(new Invocation(null, false, "aiperf profile"));
    }

    @Test
    void theSameSettingsGiveAnEqualConfiguration() {
        ProfileConfigBuilder.Result fromCli = cli("-m", "Qwen/Qwen3-0.6B", "--url", "http://127.0.0.1:8000",
                "--streaming", "--concurrency", "8", "--request-count", "100", "--isl", "128", "--osl", "32",
                "--extra-inputs", "ignore_eos:true", "--warmup-request-count", "4", "--random-seed", "7",
                "--goodput", "request_latency:250 time_to_first_token:50");
        ConfigResult fromLibrary = library().model("Qwen/Qwen3-0.6B").url("http://127.0.0.1:8000").streaming(true)
                .concurrency(8).requestCount(100).isl(128).osl(32).extraInput("ignore_eos", true)
                .warmupRequestCount(4).randomSeed(7).goodput("request_latency", 250)
                .goodput("time_to_first_token", 50).build();

        assertThat(fromLibrary.config()).isEqualTo(fromCli.config());
        assertThat(fromLibrary.warnings()).isEqualTo(fromCli.warnings());
        assertThat(fromLibrary.config().load().requestCount()).isEqualTo(100);
    }

    @Test
    void settingsWithoutABuilderMethodAreReachedDirectly() {
        ProfileConfigBuilder.Result fromCli = cli("-m", "m", "--request-rate", "5", "--ramp-type", "exponential",
                "--request-rate-ramp-duration", "3", "--artifact-dir", "out/x", "--osl", "16");
        ConfigResult fromLibrary = library().model("m").requestRate(5).artifactDir(Path.of("out/x")).osl(16)
                .settings(s -> {
                    s.shapes.rampType = "exponential";
                    s.load.requestRateRampDuration = 3.0;
                }).build();

        assertThat(fromLibrary.config()).isEqualTo(fromCli.config());
        assertThat(fromLibrary.warnings()).isEqualTo(fromCli.warnings()).hasSize(1);
    }

    @Test
    void theSameBadSettingsGiveTheSameProblems() {
        UsageException fromCli = catchThrowableOfType(UsageException.class, () -> cli("--concurrency", "0",
                "--request-count", "5", "--num-sessions", "3", "--export-level", "everything", "--url", "host:99999"));
        InvalidConfigException fromLibrary = catchThrowableOfType(InvalidConfigException.class, () -> library()
                .concurrency(0).requestCount(5).numSessions(3).exportLevel("everything").url("host:99999").build());

        assertThat(fromLibrary.problems()).isEqualTo(fromCli.problems()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(fromLibrary.getMessage()).isEqualTo(fromCli.getMessage());
    }
}
