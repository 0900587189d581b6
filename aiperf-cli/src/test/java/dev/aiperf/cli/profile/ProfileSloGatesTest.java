package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --slo}: gates checked on a real run against the mock; a broken one exits 3. */
class ProfileSloGatesTest {
    @TempDir
    Path dir;

    private CliRun profile(Path artifacts, String... slos) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("profile", "--mock", "--mock-ttft",
                "5", "--mock-itl", "0", "--concurrency", "2", "--request-count", "10", "--isl", "16", "--osl", "4",
                "--streaming", "--ui", "none", "--artifact-dir", artifacts.toString()));
        for (String slo : slos) {
            args.add("--slo");
            args.add(slo);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void gatesThatHoldExitZero() throws IOException {
        Path artifacts = dir.resolve("ok");
        CliRun run = profile(artifacts, "time_to_first_token.p50>=4,time_to_first_token.p50<60000", "error_rate<0.01");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("SLO gates: 3 held, 0 broke");
        JsonNode json = new ObjectMapper().readTree(artifacts.resolve("slo_results.json").toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("gates")).hasSize(3);
    }

    @Test
    void aBrokenGateExitsThreeAndSaysWhich() throws IOException {
        Path artifacts = dir.resolve("broke");
        CliRun run = profile(artifacts, "time_to_first_token.p50<1", "request_count>=10");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("SLO gates: 1 held, 1 broke", "BROKE time_to_first_token.p50 < 1: ");
        assertThat(artifacts.resolve("profile_export_aiperf.json")).exists();
        assertThat(new ObjectMapper().readTree(artifacts.resolve("slo_results.json").toFile())
                .get("passed").asBoolean()).isFalse();
    }

    @Test
    void gatesFromTheConfigFileAreCheckedToo() throws IOException {
        Path config = dir.resolve("gated.yaml");
        java.nio.file.Files.writeString(config, """
                slo:
                  - request_count>=10
                  - time_to_first_token.p50<1
                """);
        Path artifacts = dir.resolve("from-file");
        CliRun run = CliRun.of("profile", "--mock", "--mock-ttft", "5", "--mock-itl", "0", "--concurrency", "2",
                "--request-count", "10", "--isl", "16", "--osl", "4", "--streaming", "--ui", "none", "-f",
                config.toString(), "--artifact-dir", artifacts.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("SLO gates: 1 held, 1 broke", "BROKE time_to_first_token.p50 < 1: ");
        assertThat(new ObjectMapper().readTree(artifacts.resolve("slo_results.json").toFile()).get("gates"))
                .hasSize(2);
    }

    @Test
    void aMistypedGateIsAUsageErrorBeforeAnyRequest() {
        Path artifacts = dir.resolve("never");
        CliRun run = profile(artifacts, "time_to_frist_token.p99<200");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("did you mean 'time_to_first_token'?");
        assertThat(artifacts).doesNotExist();
    }
}
