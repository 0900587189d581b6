package dev.aiperf.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code payload_template} of the {@code template} endpoint: a Jinja2 template (rendered by HubSpot's jinjava,
 * so the original's templates keep working) whose output is the JSON request body. The value is a named template
 * ({@code nv-embedqa}), a file, or the template itself; a value that looks like neither a template nor a known name
 * is taken for a file, so a mistyped path fails with its own message instead of being sent as text.
 */
final class PayloadTemplate {

    static final String EXTRA_KEY = "payload_template";
    /** The original's named templates. */
    static final Map<String, String> NAMED = Map.of("nv-embedqa", "{\"text\": {{ texts|tojson }}}");

    private final String source;
    private final String template;
    private final Jinjava jinjava;

    private PayloadTemplate(String source, String template) {
        this.source = source;
        this.template = template;
        // Unknown variables render empty, as Jinja2 does; a syntax error is fatal (checked in of()).
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(false).build());
    }

    /**
     * @param value the {@code payload_template} extra, or null
     * @throws IllegalArgumentException naming the option when it is missing, names a file that cannot be read, or
     *                                  holds a template that does not parse
     */
    static PayloadTemplate of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The template endpoint needs --extra-inputs " + EXTRA_KEY + ":<template>:"
                    + " a named template (" + String.join(", ", NAMED.keySet()) + "), a Jinja2 template file, or an"
                    + " inline template such as '{\"text\": {{ texts|tojson }}}'");
        }
        PayloadTemplate template;
        if (NAMED.containsKey(value)) {
            template = new PayloadTemplate("the named template " + value, NAMED.get(value));
        } else if (value.contains("{{") || value.contains("{%") || value.strip().startsWith("{")) {
            template = new PayloadTemplate("the inline template", value);
        } else {
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--extra-inputs " + EXTRA_KEY + ": the template file " + file
                        + " does not exist. Give a Jinja2 template file, a named template ("
                        + String.join(", ", NAMED.keySet()) + ") or an inline template");
            }
            try {
                template = new PayloadTemplate("the template file " + file,
                        Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("--extra-inputs " + EXTRA_KEY + ": cannot read the template file "
                        + file + ": " + e.getMessage(), e);
            }
        }
        template.checkSyntax();
        return template;
    }

    /**
     * Renders one body.
     *
     * @throws IllegalArgumentException when rendering fails or the output is not a JSON object
     */
    ObjectNode render(Map<String, Object> variables) {
        RenderResult result = jinjava.renderForResult(template, variables);
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
        if (!fatal.isEmpty()) {
            throw new IllegalArgumentException("The payload template (" + source + ") failed: " + describe(fatal));
        }
        String output = result.getOutput();
        JsonNode json;
        try {
            json = EndpointOptions.MAPPER.readTree(output);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The payload template (" + source + ") did not render valid JSON ("
                    + e.getOriginalMessage() + "); use the tojson filter for values, e.g. {{ text|tojson }}."
                    + " It rendered: " + ResponseJson.abbreviate(output), e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("The payload template (" + source + ") must render a JSON object,"
                    + " but rendered: " + ResponseJson.abbreviate(output));
        }
        return (ObjectNode) json;
    }

    /** A template that does not parse is refused before any request is sent. */
    private void checkSyntax() {
        RenderResult result = jinjava.renderForResult(template, Map.of());
        List<TemplateError> syntax = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL
                        && e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR)
                .toList();
        if (!syntax.isEmpty()) {
            throw new IllegalArgumentException("--extra-inputs " + EXTRA_KEY + ": " + source + " is not a valid"
                    + " Jinja2 template: " + describe(syntax));
        }
    }

    private static String describe(List<TemplateError> errors) {
        return errors.stream().map(e -> (e.getLineno() > 0 ? "line " + e.getLineno() + ": " : "") + e.getMessage())
                .collect(Collectors.joining("; "));
    }
}
