package dev.aiperf.cli.endpoints;

import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --model-selection-strategy weighted}: models drawn by their weights, the weights checked as the original. */
class WeightedModelSelectionTest extends AgainstMockServer {
    @Test
    void requestsGoToTheModelsInProportionToTheirWeights() {
        EndpointRun run = profile("weighted", "--model-selection-strategy", "weighted",
                "--model", "big:0.8", "--model", "small:0.2", "--num-dataset-entries", "200", "--request-count",
                "200", "--concurrency", "8", "--isl", "4", "--osl", "1");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        Map<String, Long> perModel = run.bodies().stream()
                .collect(Collectors.groupingBy(b -> b.get("model").asText(), Collectors.counting()));
        assertThat(perModel.keySet()).containsExactlyInAnyOrder("big", "small");
        // 200 draws at p = 0.8: 160 expected, sd about 5.7
        assertThat(perModel.get("big")).isBetween(135L, 185L);
    }

    @Test
    void theEmbeddedMockKeepsTheWeights() {
        CliRun run = CliRun.of("profile", "--mock", "--model-selection-strategy", "weighted", "--model", "a:0.5",
                "--model", "b:0.5", "--request-count", "4", "--isl", "8", "--osl", "2", "--ui", "none",
                "--artifact-dir", dir.resolve("mock").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void aMissingWeightOrWeightsNotSummingToOneAreUsageErrors() {
        CliRun missing = CliRun.of("profile", "--mock", "--model-selection-strategy", "weighted", "--model", "a:0.5",
                "--model", "b", "--ui", "none", "--artifact-dir", dir.resolve("m").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("All models must have weights specified when using weighted strategy");

        CliRun sum = CliRun.of("profile", "--mock", "--model-selection-strategy", "weighted", "--model", "a:0.5",
                "--model", "b:0.2", "--ui", "none", "--artifact-dir", dir.resolve("s").toString());
        assertThat(sum.exitCode()).isEqualTo(2);
        assertThat(sum.err()).contains("Model weights must sum to 1.0, got 0.7");
    }
}
