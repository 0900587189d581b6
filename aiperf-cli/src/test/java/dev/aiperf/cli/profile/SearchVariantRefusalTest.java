package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA search variants this version lacks (other recipes, styles, planners) are usage errors before any
 * request, each naming what is available; never a run that silently does something else.
 */
class SearchVariantRefusalTest {
    @TempDir
    Path dir;

    @Test
    void unsupportedRecipeStyleAndPlannerAreRefusedTogether() {
        Path artifacts = dir.resolve("never");
        CliRun run = CliRun.of("profile", "--mock", "--search-recipe", "max-goodput-under-slo", "--search-style",
                "bayesian",
                "--search-planner", "optuna", "--artifact-dir", artifacts.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err())
                .contains("--search-recipe max-goodput-under-slo is not implemented; available:"
                        + " concurrency-ramp, prefill-ttft-curve, decode-itl-curve, max-concurrency-under-sla,"
                        + " pareto-sweep (upstream's others: max-throughput-ttft-sla, max-throughput-itl-sla,"
                        + " max-goodput-under-slo)")
                .contains("--search-style bayesian is not implemented; available: monotonic, grid")
                .contains("--search-planner optuna is not implemented; available: monotonic_sla");
        assertThat(artifacts).doesNotExist();
    }

    @Test
    void aSearchWithoutARecipeSaysWhichOneExists() {
        CliRun run = CliRun.of("profile", "--mock", "--search-space", "concurrency:1,4", "--artifact-dir",
                dir.resolve("never").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("need --search-recipe max-concurrency-under-sla");
    }
}
