package dev.aiperf.servermetrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The unit of a server metric, inferred as the original does (spec §6.3): a unit named in the description wins,
 * else the longest matching name suffix ({@code _tokens_total} before {@code _total}).
 */
final class UnitInference {
    /** Suffix to unit, longest first. */
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
            Map.entry("_seconds_total", "seconds"), Map.entry("_tokens_total", "tokens"),
            Map.entry("_milliseconds", "milliseconds"), Map.entry("_nanoseconds", "nanoseconds"),
            Map.entry("_error_count", "errors"), Map.entry("_block_count", "blocks"),
            Map.entry("_kilobytes", "kilobytes"), Map.entry("_megabytes", "megabytes"),
            Map.entry("_gigabytes", "gigabytes"), Map.entry("request_success", "requests"),
            Map.entry("_requests", "requests"), Map.entry("_celsius", "celsius"), Map.entry("_percent", "percent"),
            Map.entry("_seconds", "seconds"), Map.entry("_joules", "joule"), Map.entry("_tokens", "tokens"),
            Map.entry("_errors", "errors"), Map.entry("_blocks", "blocks"), Map.entry("_watts", "watt"),
            Map.entry("_bytes", "bytes"), Map.entry("_ratio", "ratio"), Map.entry("_total", "count"),
            Map.entry("_count", "count"), Map.entry("_reqs", "requests"), Map.entry("_perc", "percent"),
            Map.entry("_gb_s", "gb/s"), Map.entry("_ms", "milliseconds"), Map.entry("_ns", "nanoseconds"));

    /** Units a description may state, e.g. "Power draw (in W)" or "in seconds". */
    private static final List<Map.Entry<String, String>> DESCRIBED = List.of(
            Map.entry("(in seconds)", "seconds"), Map.entry("in seconds", "seconds"),
            Map.entry("(in ms)", "milliseconds"), Map.entry("in milliseconds", "milliseconds"),
            Map.entry("(in w)", "watt"), Map.entry("(in mj)", "millijoule"), Map.entry("(in c)", "celsius"),
            Map.entry("(in mhz)", "mhz"), Map.entry("(in mib)", "mebibytes"), Map.entry("(in %)", "percent"),
            Map.entry("(in us)", "microseconds"), Map.entry("in bytes", "bytes"));

    private UnitInference() {
    }

    /** The unit, or null when neither the description nor the name tells. */
    static String of(String name, String description) {
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : DESCRIBED) {
            if (text.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : SUFFIXES) {
            if (lower.endsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
