package dev.aiperf.cli.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiperf.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --endpoint-type template}: bodies from a Jinja2 template file, sent to the mock, responses detected. */
class TemplateEndpointTest extends AgainstMockServer {
    @Test
    void aTemplateFileRendersAChatBodyAndTheStreamIsDetectedAndMeasured() throws IOException {
        Path template = dir.resolve("chat.jinja");
        Files.writeString(template, """
                {"model": {{ model|tojson }},
                 "messages": [{"role": {{ role|tojson }}, "content": {{ text|tojson }}}],
                 "max_tokens": {{ max_tokens }},
                 "stream": {{ stream|tojson }}}
                """);

        EndpointRun run = profile("chat", "--endpoint-type", "template", "-m", "tpl-model",
                "--url", mock.server().baseUrl() + "/v1/chat/completions", "--streaming", "--concurrency", "2",
                "--request-count", "4", "--isl", "16", "--osl", "8", "--extra-inputs",
                "payload_template:" + template, "--extra-inputs", "ignore_eos:true");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(4).allMatch("/v1/chat/completions"::equals);
        JsonNode body = run.bodies().getFirst();
        assertThat(body.get("model").asText()).isEqualTo("tpl-model");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").isTextual()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(8);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("ignore_eos").asBoolean()).isTrue();
        assertThat(body.has("payload_template")).isFalse();

        JsonNode summary = run.summary();
        assertThat(summary.at("/time_to_first_token/avg").isNumber()).isTrue();
        assertThat(summary.at("/output_sequence_length/min").asDouble()).isEqualTo(8.0);
        assertThat(summary.at("/output_sequence_length/max").asDouble()).isEqualTo(8.0);
    }

    @Test
    void anInlineTemplateWithAResponseFieldReadsTheFieldItNames() {
        EndpointRun run = profile("tgi", "--endpoint-type", "template", "-m", "m",
                "--url", mock.server().baseUrl(), "--endpoint", "/generate", "--concurrency", "2",
                "--request-count", "4", "--isl", "16", "--osl", "8",
                // a template with commas goes in the JSON form of --extra-inputs: key:value lists split on commas
                "--extra-inputs", "{\"payload_template\": \"{\\\"inputs\\\": {{ text|tojson }}, \\\"parameters\\\":"
                        + " {\\\"max_new_tokens\\\": {{ max_tokens }}, \\\"ignore_eos\\\": true}}\"}",
                "--extra-inputs", "response_field:generated_text");

        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        assertThat(run.paths()).hasSize(4).allMatch("/generate"::equals);
        assertThat(run.bodies().getFirst().at("/parameters/max_new_tokens").asInt()).isEqualTo(8);
        assertThat(run.bodies().getFirst().has("response_field")).isFalse();
        assertThat(run.summary().at("/output_sequence_length/avg").asDouble()).isEqualTo(8.0);
    }

    @Test
    void theNamedNvEmbedqaTemplateSendsTheTexts() {
        EndpointRun run = profile("named", "--endpoint-type", "template", "-m", "m",
                "--url", mock.server().baseUrl() + "/v1/embeddings", "--request-count", "2", "--isl", "8",
                "--extra-inputs", "payload_template:nv-embedqa", "--extra-inputs", "input:[\"x\"]");

        // the mock's /v1/embeddings needs "input", given here as an extra beside the template's "text"
        assertThat(run.cli().exitCode()).as(run.cli().toString()).isZero();
        JsonNode body = run.bodies().getFirst();
        assertThat(body.get("text").isArray()).isTrue();
        assertThat(body.get("text")).hasSize(1);
    }

    @Test
    void aMissingTemplateFileOrNoTemplateEndsInOneMessage() {
        CliRun missing = CliRun.of("profile", "--mock", "--endpoint-type", "template", "--extra-inputs",
                "payload_template:" + dir.resolve("nowhere.jinja"), "--request-count", "1", "--ui", "none",
                "--artifact-dir", dir.resolve("missing").toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("the template file " + dir.resolve("nowhere.jinja") + " does not exist")
                .doesNotContain("Exception");

        CliRun none = CliRun.of("profile", "--mock", "--endpoint-type", "template", "--request-count", "1", "--ui",
                "none", "--artifact-dir", dir.resolve("none").toString());
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("The template endpoint needs --extra-inputs payload_template:");

        CliRun broken = CliRun.of("profile", "--mock", "--endpoint-type", "template", "--extra-inputs",
                "payload_template:{% for t in texts %}{\"a\": 1}", "--request-count", "1", "--ui", "none",
                "--artifact-dir", dir.resolve("broken").toString());
        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.err()).contains("payload_template: the inline template is not a valid Jinja2 template")
                .doesNotContain("Exception");
    }
}
