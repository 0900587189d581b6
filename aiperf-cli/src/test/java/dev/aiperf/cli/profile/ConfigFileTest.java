package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -f/--config}: a run described in YAML, against the real mock over loopback. */
class ConfigFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private JsonNode inputConfig(Path artifacts) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile())
                .get("input_config");
        ((ObjectNode) config.get("endpoint")).remove("urls"); // the embedded mock's port differs per run
        ((ObjectNode) config.get("output")).remove("artifact_directory");
        config.remove("cli_command");
        config.remove("benchmark_id");
        return config;
    }

    @Test
    void aConfigFileRunsLikeTheSameCommandLine() throws IOException {
        Path file = write("run.yaml", """
                # sections are optional; keys are option names in kebab or snake case
                endpoint:
                  streaming: true
                  extra-inputs:
                    ignore_eos: true
                    min_tokens: 2
                load_generator:
                  concurrency: 2
                  request_count: 10
                isl: 16
                osl: 4
                random-seed: 7
                mock-ttft: 0
                mock-itl: 0
                ui: none
                use-server-token-count: false
                """);
        Path fromFile = dir.resolve("file");
        CliRun a = CliRun.of("profile", "--mock", "-f", file.toString(), "--artifact-dir", fromFile.toString());
        assertThat(a.exitCode()).as(a.toString()).isZero();
        assertThat(a.out()).contains("CLI Command: aiperf profile --mock -f " + file);

        Path fromCli = dir.resolve("cli");
        CliRun b = CliRun.of("profile", "--mock", "--streaming", "--extra-inputs", "ignore_eos:true",
                "--extra-inputs", "min_tokens:2", "--concurrency", "2", "--request-count", "10", "--isl", "16",
                "--osl", "4", "--random-seed", "7", "--mock-ttft", "0", "--mock-itl", "0", "--ui", "none",
                "--artifact-dir", fromCli.toString());
        assertThat(b.exitCode()).as(b.toString()).isZero();

        assertThat(inputConfig(fromFile)).isEqualTo(inputConfig(fromCli));
        assertThat(Files.readAllLines(fromFile.resolve("profile_export.jsonl"))).hasSize(10);
        assertThat(Files.readString(fromFile.resolve("inputs.json")))
                .isEqualTo(Files.readString(fromCli.resolve("inputs.json")));
    }

    @Test
    void theCommandLineWinsOverTheFile() throws IOException {
        Path file = write("base.yaml", "concurrency: 4\nrequest-count: 40\nisl: 8\nosl: 2\nui: none\n"
                + "mock-ttft: 0\nmock-itl: 0\n");
        Path artifacts = dir.resolve("over");
        CliRun run = CliRun.of("profile", "--mock", "--config", file.toString(), "--request-count", "6",
                "--artifact-dir", artifacts.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readAllLines(artifacts.resolve("profile_export.jsonl"))).hasSize(6);
        assertThat(JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile())
                .at("/input_config/loadgen/concurrency").asInt()).isEqualTo(4);
    }

    @Test
    void mistakesNameTheFileLineAndColumn() throws IOException {
        assertThat(errorOf("typo.yaml", "isl: 8\nconcurency: 4\n"))
                .contains("typo.yaml:2:1: unknown option 'concurency'; did you mean 'concurrency'?");
        assertThat(errorOf("type.yaml", "isl: 8\nconcurrency: lots\n"))
                .contains("type.yaml:2:14: Invalid value for option '--concurrency': 'lots' is not an int");
        assertThat(errorOf("flag.yaml", "streaming: maybe\n"))
                .contains("flag.yaml:1:12: streaming is a flag: give true or false, not 'maybe'");
        assertThat(errorOf("yaml.yaml", "isl: [1,\n")).contains("yaml.yaml:2:1: not valid YAML");
        assertThat(errorOf("list.yaml", "- isl\n")).contains("list.yaml:1:1: a config file is a mapping of option names");
        assertThat(errorOf("empty-value.yaml", "isl:\n")).contains("empty-value.yaml:1:5: isl has no value");
        CliRun missing = CliRun.of("profile", "--mock", "-f", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--config: " + dir.resolve("nope.yaml") + " does not exist");
    }

    private String errorOf(String name, String yaml) throws IOException {
        Path file = write(name, yaml);
        CliRun run = CliRun.of("profile", "--mock", "-f", file.toString(), "--artifact-dir",
                dir.resolve("never").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(dir.resolve("never")).doesNotExist();
        return run.err();
    }
}
