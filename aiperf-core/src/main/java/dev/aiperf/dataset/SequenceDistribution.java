package dev.aiperf.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mixture of (ISL, OSL) pairs from {@code --seq-dist} (spec §3.3.3). Three forms are accepted:
 * {@code 128,64:25;512,128:75} (an optional {@code |stddev} after a length), {@code [(256,128):40,(512,256):60]},
 * and {@code {"pairs":[{"isl":256,"isl_stddev":10,"osl":128,"osl_stddev":5,"prob":40}]}}. Percentages sum to 100.
 */
public final class SequenceDistribution {

    /** One (ISL, OSL) pair with its stddevs and its probability in percent. */
    public record Pair(int isl, double islStddev, int osl, double oslStddev, double percent) {
    }

    /** One sampled (ISL, OSL). */
    public record Lengths(int isl, int osl) {
    }

    private static final String FLAG = "--seq-dist";
    private static final String EXAMPLES = "Expected e.g. '128,64:25;512,128:75', '256|10,128|5:40;512,256:60',"
            + " '[(256,128):40,(512,256):60]' or '{\"pairs\":[{\"isl\":256,\"osl\":128,\"prob\":100}]}'";
    private static final String NUMBER = "\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*";
    private static final String LENGTH = NUMBER + "(?:\\|" + NUMBER + ")?";
    private static final Pattern SEMICOLON_ENTRY = Pattern.compile(LENGTH + "," + LENGTH + ":" + NUMBER);
    private static final Pattern BRACKET_ENTRY = Pattern.compile("\\s*\\(" + LENGTH + "," + LENGTH + "\\)\\s*:"
            + NUMBER + "\\s*(,|$)");

    private final List<Pair> pairs;
    private final double[] cumulative;

    private SequenceDistribution(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
        this.cumulative = new double[pairs.size()];
        double sum = 0;
        for (int i = 0; i < pairs.size(); i++) {
            sum += pairs.get(i).percent() / 100.0;
            cumulative[i] = sum;
        }
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /**
     * Parses any of the three forms.
     *
     * @throws IllegalArgumentException naming {@code --seq-dist}, the problem and the valid forms
     */
    public static SequenceDistribution parse(String text) {
        if (text == null || text.isBlank()) {
            throw error("the value is empty", text);
        }
        String trimmed = text.strip();
        List<Pair> pairs;
        if (trimmed.startsWith("{")) {
            pairs = parseJson(trimmed);
        } else if (trimmed.startsWith("[")) {
            pairs = parseBracket(trimmed);
        } else {
            pairs = parseSemicolon(trimmed);
        }
        if (pairs.isEmpty()) {
            throw error("no (ISL, OSL) pairs were given", text);
        }
        double total = pairs.stream().mapToDouble(Pair::percent).sum();
        if (Math.abs(total - 100.0) > 1e-6) {
            throw error("the percentages add up to " + total + ", not 100", text);
        }
        return new SequenceDistribution(pairs);
    }

    /** Picks a pair (first whose cumulative probability exceeds a uniform draw) and draws its lengths. */
    public Lengths sample(RandomGenerator random) {
        double u = random.nextDouble();
        int index = pairs.size() - 1;
        for (int i = 0; i < cumulative.length; i++) {
            if (cumulative[i] > u) {
                index = i;
                break;
            }
        }
        Pair pair = pairs.get(index);
        int isl = pair.islStddev() > 0 ? PositiveNormal.sample(random, pair.isl(), pair.islStddev()) : pair.isl();
        int osl = pair.oslStddev() > 0 ? PositiveNormal.sample(random, pair.osl(), pair.oslStddev()) : pair.osl();
        return new Lengths(isl, osl);
    }

    private static List<Pair> parseSemicolon(String text) {
        List<Pair> pairs = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            Matcher m = SEMICOLON_ENTRY.matcher(entry);
            if (!m.matches()) {
                throw error("cannot read the entry '" + entry.strip() + "' as ISL[|stddev],OSL[|stddev]:PERCENT",
                        text);
            }
            pairs.add(pair(m, text));
        }
        return pairs;
    }

    private static List<Pair> parseBracket(String text) {
        if (!text.endsWith("]")) {
            throw error("a '[' list must end with ']'", text);
        }
        String body = text.substring(1, text.length() - 1).strip();
        List<Pair> pairs = new ArrayList<>();
        Matcher m = BRACKET_ENTRY.matcher(body);
        int position = 0;
        while (position < body.length()) {
            if (!m.find(position) || m.start() != position) {
                throw error("cannot read '" + body.substring(position).strip() + "' as (ISL,OSL):PERCENT", text);
            }
            pairs.add(pair(m, text));
            position = m.end();
        }
        return pairs;
    }

    private static Pair pair(Matcher m, String text) {
        return validated(integer(m.group(1), "ISL", text), optionalDouble(m.group(2)),
                integer(m.group(3), "OSL", text), optionalDouble(m.group(4)), Double.parseDouble(m.group(5)), text);
    }

    private static List<Pair> parseJson(String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw error("invalid JSON (" + e.getOriginalMessage() + ")", text);
        }
        JsonNode pairsNode = root.get("pairs");
        if (pairsNode == null || !pairsNode.isArray()) {
            throw error("the JSON form needs a \"pairs\" list", text);
        }
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode node : pairsNode) {
            pairs.add(validated(jsonInt(node, "isl", text), jsonDouble(node, "isl_stddev", 0, text),
                    jsonInt(node, "osl", text), jsonDouble(node, "osl_stddev", 0, text),
                    jsonPercent(node, text), text));
        }
        return pairs;
    }

    private static Pair validated(int isl, double islStddev, int osl, double oslStddev, double percent, String text) {
        if (isl <= 0 || osl <= 0) {
            throw error("ISL and OSL must be positive, got (" + isl + ", " + osl + ")", text);
        }
        if (islStddev < 0 || oslStddev < 0) {
            throw error("standard deviations must not be negative", text);
        }
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw error("each percentage must be between 0 and 100, got " + percent, text);
        }
        return new Pair(isl, islStddev, osl, oslStddev, percent);
    }

    private static int integer(String value, String what, String text) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw error(what + " must be a whole number of tokens, got '" + value.strip() + "'", text);
        }
    }

    private static double optionalDouble(String value) {
        return value == null ? 0 : Double.parseDouble(value.strip());
    }

    private static int jsonInt(JsonNode node, String field, String text) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw error("every pair needs a whole-number \"" + field + "\"", text);
        }
        return value.intValue();
    }

    private static double jsonPercent(JsonNode node, String text) {
        if (node.get("prob") == null) {
            throw error("every pair needs a \"prob\" percentage", text);
        }
        return jsonDouble(node, "prob", 0, text);
    }

    private static double jsonDouble(JsonNode node, String field, double fallback, String text) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw error("\"" + field + "\" must be a number", text);
        }
        return value.doubleValue();
    }

    private static IllegalArgumentException error(String problem, String text) {
        return new IllegalArgumentException("Invalid " + FLAG + " '" + text + "': " + problem + ". " + EXAMPLES);
    }
}
