package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;

/**
 * The {@code response_field} of {@code --extra-inputs}: a JMESPath expression (the original's path language) that
 * picks what a response holds, e.g. {@code output.text} or {@code data[].embedding}. Compiled once; thread-safe.
 */
final class ResponseField {

    static final String EXTRA_KEY = "response_field";
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();

    private final Expression<JsonNode> expression;

    private ResponseField(Expression<JsonNode> expression) {
        this.expression = expression;
    }

    /**
     * @throws IllegalArgumentException naming the option when the expression does not compile
     */
    static ResponseField compile(String path) {
        try {
            return new ResponseField(JMESPATH.compile(path));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--extra-inputs " + EXTRA_KEY + ":" + path + " is not a valid JMESPath"
                    + " expression (" + e.getMessage() + "); e.g. output.text or data[].embedding", e);
        }
    }

    JsonNode select(JsonNode json) {
        return expression.search(json);
    }
}
