package dev.aiperf.config;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code --goodput}: space-separated {@code metric_tag:number} pairs, each number a threshold
 * in the metric's display unit (spec §1.2).
 */
final class GoodputParser {

    private GoodputParser() {
    }

    /** The thresholds by metric tag, in the order given; an IllegalArgumentException names the bad pair. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> slos = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return slos;
        }
        for (String pair : text.strip().split("\\s+")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("--goodput entry '" + pair
                        + "' must be metric:value, e.g. --goodput \"request_latency:250 inter_token_latency:10\"");
            }
            String tag = pair.substring(0, colon).strip();
            String number = pair.substring(colon + 1).strip();
            try {
                double value = Double.parseDouble(number);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException(number);
                }
                slos.put(tag, value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--goodput value of '" + tag + "' must be a number, got '" + number + "'");
            }
        }
        return slos;
    }
}
