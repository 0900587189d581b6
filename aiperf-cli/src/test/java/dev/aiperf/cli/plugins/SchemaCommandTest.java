package dev.aiperf.cli.plugins;

import dev.aiperf.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

    @Test
    void printsThePluginsYamlSchema() {
        CliRun run = CliRun.of("plugins", "schema");

        assertThat(run.exitCode()).isZero();
        JsonNode schema = run.json();
        assertThat(schema.get("$schema").asText()).contains("2020-12");
        assertThat(schema.at("/properties/plugin").isMissingNode()).isFalse();
    }

    @Test
    void categoriesPrintsTheOtherSchema() {
        JsonNode plugins = CliRun.of("plugins", "schema").json();
        JsonNode categories = CliRun.of("plugins", "schema", "--categories").json();

        assertThat(categories.get("$schema").asText()).contains("2020-12");
        assertThat(categories).isNotEqualTo(plugins);
    }
}
