package dev.aiperf.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.config.KeyValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses key/value list options such as {@code --extra-inputs} and {@code --header} (spec §1.2).
 * Each token is a JSON object (values keep their JSON types) or {@code key:value[,key:value...]},
 * split on commas and then on the first colon, with values coerced to boolean, null, integer or
 * float when they look like one.
 */
final class KeyValueListParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern FLOAT = Pattern.compile("-?[0-9]*\\.[0-9]*");

    private KeyValueListParser() {
    }

    /** The pairs of every token in order; an IllegalArgumentException names the first bad token. */
    static List<KeyValue> parse(String flag, List<String> tokens) {
        List<KeyValue> pairs = new ArrayList<>();
        for (String token : tokens) {
            String t = token.strip();
            if (t.startsWith("{")) {
                pairs.addAll(parseJson(flag, t));
            } else {
                pairs.addAll(parsePairs(flag, t));
            }
        }
        return pairs;
    }

    private static List<KeyValue> parseJson(String flag, String token) {
        JsonNode node;
        try {
            node = JSON.readTree(token);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(flag + " value '" + token + "' is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(flag + " value '" + token + "' must be a JSON object or key:value pairs");
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            pairs.add(new KeyValue(field.getKey(), JSON.convertValue(field.getValue(), Object.class)));
        }
        return pairs;
    }

    private static List<KeyValue> parsePairs(String flag, String token) {
        List<KeyValue> pairs = new ArrayList<>();
        for (String part : token.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(flag + " entry '" + p + "' must be key:value (e.g. " + example(flag)
                        + ") or a JSON object");
            }
            pairs.add(new KeyValue(p.substring(0, colon).strip(), coerce(p.substring(colon + 1).strip())));
        }
        return pairs;
    }

    /** The value a {@code key:value} string stands for. */
    static Object coerce(String value) {
        String lower = value.toLowerCase();
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        if (lower.equals("none") || lower.equals("null")) {
            return null;
        }
        if (INTEGER.matcher(value).matches()) {
            try {
                long n = Long.parseLong(value);
                return n == (int) n ? (Object) (int) n : (Object) n;
            } catch (NumberFormatException tooBig) {
                return value;
            }
        }
        if (FLOAT.matcher(value).matches() && value.chars().anyMatch(Character::isDigit)) {
            return Double.parseDouble(value);
        }
        return value;
    }

    private static String example(String flag) {
        return flag.equals("--extra-inputs") ? "ignore_eos:true,min_tokens:64" : "X-Tenant:blue";
    }
}
