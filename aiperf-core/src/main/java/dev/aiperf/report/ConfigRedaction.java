package dev.aiperf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aiperf.export.Redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Redacts a run's configuration once more before it goes into a report. The summary JSON of this tool is
 * already redacted when written, but {@code aiperf plot} also reads folders written by other versions or
 * edited by hand: a string under a credential-like key ({@code api_key}, {@code *token*}, ...), the value
 * of a credential header pair, URL user-info, and every literal copy of such a value elsewhere (the
 * command line) become {@value Redaction#REDACTED}.
 */
final class ConfigRedaction {
    private ConfigRedaction() {
    }

    /** A redacted deep copy of {@code config}; null stays null. */
    static JsonNode redact(JsonNode config) {
        if (config == null || config.isMissingNode() || config.isNull()) {
            return null;
        }
        List<String> secrets = new ArrayList<>();
        collectSecrets(config, secrets);
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return copy(config, secrets);
    }

    private static void collectSecrets(JsonNode node, List<String> secrets) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual() && isSecretKey(field.getKey())) {
                    addSecret(field.getValue().asText(), secrets);
                }
                collectSecrets(field.getValue(), secrets);
            }
        } else if (node.isArray()) {
            if (isSecretPair(node)) {
                addSecret(node.get(1).asText(), secrets);
            }
            node.forEach(child -> collectSecrets(child, secrets));
        }
    }

    private static void addSecret(String value, List<String> secrets) {
        if (value.length() >= 4 && !value.equals(Redaction.REDACTED)) {
            secrets.add(value);
            int space = value.lastIndexOf(' ');
            if (space > 0 && value.length() - space > 4) {
                secrets.add(value.substring(space + 1)); // "Bearer abc...": the token alone
            }
        }
    }

    /** A key whose text value is a credential; {@code tokenizer*} names a tokenizer, not a token. */
    static boolean isSecretKey(String key) {
        return !key.startsWith("tokenizer") && Redaction.isSecretHeader(key);
    }

    /** {@code ["Authorization", "Bearer ..."]}: a header as the summary writes it. */
    private static boolean isSecretPair(JsonNode node) {
        return node.size() == 2 && node.get(0).isTextual() && node.get(1).isTextual()
                && Redaction.isSecretHeader(node.get(0).asText());
    }

    private static JsonNode copy(JsonNode node, List<String> secrets) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                boolean secret = field.getValue().isTextual() && isSecretKey(field.getKey());
                copy.set(field.getKey(), secret ? TextNode.valueOf(Redaction.REDACTED) : copy(field.getValue(), secrets));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            boolean pair = isSecretPair(node);
            for (int i = 0; i < node.size(); i++) {
                copy.add(pair && i == 1 ? TextNode.valueOf(Redaction.REDACTED) : copy(node.get(i), secrets));
            }
            return copy;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(text(node.asText(), secrets));
        }
        return node.deepCopy();
    }

    /** Free text (a command line) without URL user-info or any literal secret. */
    static String text(String text, List<String> secrets) {
        String result = Redaction.NONE.text(text);
        for (String secret : secrets) {
            result = result.replace(secret, Redaction.REDACTED);
        }
        return result;
    }
}
