package dev.aiperf.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metric values of one finished run, read back from its {@code profile_export_aiperf.json} as the
 * original's aggregator does (metrics spec §5.7): every top-level object with a {@code unit} is a metric,
 * and each of its numeric fields a statistic, keyed {@code <tag>_<stat>} (e.g. {@code time_to_first_token_p99}).
 * Reading the file rather than the run's memory keeps the aggregate equal to what the run exported.
 *
 * @param label  the run's label ({@code run_0001}, {@code concurrency_4}, ...)
 * @param values {@code <tag>_<stat>} to value, in the file's order
 * @param units  {@code <tag>_<stat>} to the metric's display unit
 */
public record RunSummary(String label, Map<String, Double> values, Map<String, String> units) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunSummary {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /** Reads {@code file}; an unreadable file is an {@link IOException} naming it. */
    public static RunSummary read(String label, Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read the run summary " + file + ": " + e.getMessage(), e);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode metric = field.getValue();
            if (!metric.isObject() || !metric.has("unit")) {
                continue;
            }
            String unit = metric.get("unit").asText();
            for (Map.Entry<String, JsonNode> stat : metric.properties()) {
                if (stat.getValue().isNumber()) {
                    String key = field.getKey() + "_" + stat.getKey();
                    values.put(key, stat.getValue().asDouble());
                    units.put(key, unit);
                }
            }
        }
        return new RunSummary(label, values, units);
    }

    /** The value of {@code <tag>_<stat>}, or null when the run did not measure it. */
    public Double value(String tag, String stat) {
        return values.get(tag + "_" + stat);
    }
}
