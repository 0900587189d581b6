package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import dev.aiperf.cli.profile.UpstreamOptionPlaceholders.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option name of the original {@code aiperf profile} parses here: implemented, accepted and
 * ignored (it does not apply to this design), or refused with a message that says the feature is
 * missing. The status of each is written to {@code target/upstream-options-status.md}.
 */
class UpstreamOptionsTest {
    @TempDir
    Path dir;

    @Test
    void theTableHoldsEveryOriginalOptionOnce() {
        List<UpstreamOption> all = UpstreamOption.all();
        assertThat(all).hasSize(259);
        Set<String> names = new HashSet<>();
        all.forEach(o -> o.names().forEach(n -> assertThat(names.add(n)).as("duplicate " + n).isTrue()));
        assertThat(all).filteredOn(o -> !o.applies()).extracting(UpstreamOption::name).containsExactlyInAnyOrder(
                "--record-processor-service-count", "--workers-max", "--zmq-host", "--zmq-ipc-path", "--zmq-dual-bind");
    }

    @Test
    void everyOriginalOptionNameParsesAndHasAStatus() throws IOException {
        CommandSpec spec = new CommandLine(new ProfileCommand()).getCommandSpec();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        StringBuilder table = new StringBuilder("| option | aliases | group | status |\n|---|---|---|---|\n");
        for (UpstreamOption option : UpstreamOption.all()) {
            for (String name : option.names()) {
                assertThat(spec.optionsMap().containsKey(name) || spec.negatedOptionsMap().containsKey(name))
                        .as(name + " parses").isTrue();
            }
            Status status = UpstreamOptionPlaceholders.status(spec, option);
            counts.merge(status, 1, Integer::sum);
            table.append("| `").append(option.name()).append("` | ").append(String.join(", ", option.aliases()))
                    .append(" | ").append(option.group()).append(" | ").append(status.name().toLowerCase()
                            .replace('_', ' ')).append(" |\n");
        }
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(259);
        assertThat(counts.get(Status.NOT_APPLICABLE)).isEqualTo(5);
        assertThat(counts.get(Status.IMPLEMENTED)).isGreaterThan(60);
        Path report = Path.of("target", "upstream-options-status.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "Status of the original's 259 profile options: " + counts + "\n\n" + table);
        System.out.println("upstream options: " + counts + " (table: " + report.toAbsolutePath() + ")");
    }

    @Test
    void optionsThatDoNotApplyAreAcceptedWithANote() {
        Path artifacts = dir.resolve("run");
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "0", "--mock-itl", "0", "--request-count", "4",
                "--isl", "8", "--osl", "2", "--ui", "none", "--artifact-dir", artifacts.toString(),
                "--workers-max", "4", "--zmq-dual-bind", "--record-processors", "2");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("aiperf: note: --workers-max is accepted for compatibility and ignored:"
                        + " requests are sent by one JVM with asynchronous I/O; there are no worker processes")
                .contains("note: --zmq-dual-bind is accepted").contains("note: --record-processor-service-count is");
        assertThat(artifacts.resolve("profile_export_aiperf.json")).exists();
    }

    @Test
    void optionsWhoseFeatureIsMissingSaySoBeforeAnyRequest() {
        Path artifacts = dir.resolve("never");
        CliRun run = CliRun.of("profile", "--mock", "--accuracy-benchmark", "mmlu", "--api-port", "9000",
                "--artifact-dir", artifacts.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("aiperf: error: --accuracy-benchmark: an option of the original aiperf"
                        + " (Enable accuracy mode with one of 11 benchmarks (§4.5)) that this version does not implement yet")
                .contains("aiperf: error: --api-port: an option of the original aiperf").doesNotContain("Unknown option");
        assertThat(artifacts).doesNotExist();
    }

    @Test
    void placeholdersStayOutOfTheHelp() {
        CliRun help = CliRun.of("profile", "--help");
        assertThat(help.out()).contains("--concurrency").doesNotContain("--zmq-host").doesNotContain("--api-port");
    }
}
