package dev.aiperf.cli.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.RequestCapture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code aiperf profile} run against a real mock server, with what the mock received and what was measured.
 *
 * @param cli       the command's exit code and output
 * @param requests  the requests the mock received during the run, in arrival order
 * @param artifacts the run's artifact directory
 */
record EndpointRun(CliRun cli, List<RequestCapture.CapturedRequest> requests, Path artifacts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code profile} with the mock's URL, {@code --ui none} and a fresh artifact directory added. */
    static EndpointRun of(MockUnderTest mock, Path artifacts, String... args) {
        RequestCapture capture = mock.server().captureRequests(1000);
        List<String> all = new ArrayList<>(List.of("profile", "--ui", "none", "--random-seed", "7",
                "--artifact-dir", artifacts.toString()));
        boolean hasUrl = false;
        for (String arg : args) {
            hasUrl |= arg.equals("--url");
        }
        if (!hasUrl) {
            all.addAll(List.of("--url", mock.server().baseUrl()));
        }
        all.addAll(List.of(args));
        CliRun cli = CliRun.of(all.toArray(String[]::new));
        return new EndpointRun(cli, capture.requests(), artifacts);
    }

    /** The summary, {@code profile_export_aiperf.json}. */
    JsonNode summary() {
        try {
            return JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of {@code profile_export.jsonl}. */
    List<JsonNode> records() {
        try {
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(artifacts.resolve("profile_export.jsonl"))) {
                records.add(JSON.readTree(line));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bodies the mock received, as JSON. */
    List<JsonNode> bodies() {
        return requests.stream().map(RequestCapture.CapturedRequest::json).toList();
    }

    /** The paths the mock received, one per request. */
    List<String> paths() {
        return requests.stream().map(RequestCapture.CapturedRequest::path).toList();
    }
}
