package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real run given credentials every way the command line accepts them: not one of them may appear in
 * any artifact of the run, nor in what it printed.
 */
class SecretRedactionTest {
    private static final List<String> SECRETS = List.of("sk-apikey-111", "goog-key-222", "bearer-token-333",
            "cookie-value-444", "url-password-555", "url-user-666", "json-secret-777", "Zq7");

    @TempDir
    Path dir;

    @Test
    void noSecretAppearsInAnyArtifactOrOutput() throws IOException {
        Path artifacts = dir.resolve("run");
        try (MockServer server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(1)
                .itlMs(0.2).build())) {
            String url = server.baseUrl().replace("http://", "http://url-user-666:url-password-555@");
            CliRun run = CliRun.of("profile", "-m", "m", "--url", url, "--streaming", "--request-count", "6",
                    "--concurrency", "2", "--isl", "16", "--osl", "4", "--ui", "simple", "--verbose",
                    "--api-key", "sk-apikey-111",
                    "-H", "x-goog-api-key:goog-key-222",
                    "--header", "Authorization:Bearer bearer-token-333,X-Trace:visible-trace",
                    "-HCookie:cookie-value-444",
                    "--header={\"X-Custom-Token\": \"json-secret-777\"}",
                    "-H", "X-Session-Token:Zq7",
                    "--artifact-dir", artifacts.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("CLI Command:").contains("<redacted>").contains("visible-trace");
            assertNoSecret("console", run.out() + run.err());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(artifacts)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("profile_export.jsonl", "profile_export_aiperf.json", "profile_export_aiperf.csv",
                            "inputs.json");
            for (Path file : files) {
                assertNoSecret(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            String summary = Files.readString(artifacts.resolve("profile_export_aiperf.json"));
            assertThat(summary).contains("\"api_key\": \"<redacted>\"").contains("http://<redacted>@127.0.0.1:");
        }
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertThat(text).as("%s must not contain %s", where, secret).doesNotContain(secret);
        }
    }
}
