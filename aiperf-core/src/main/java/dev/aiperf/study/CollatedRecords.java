package dev.aiperf.study;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.engine.Versions;
import dev.aiperf.export.AtomicFile;
import dev.aiperf.export.JsonText;
import dev.aiperf.metrics.DistributionStatistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aggregate/profile_export_aiperf_collated.json} (upstream §6.4, schema {@code 1.0.0}): the per-request
 * values of every run pooled, per metric, from the runs' {@code profile_export.jsonl}: {@code combined} holds
 * mean, std, p50, p90, p95, p99 and count of the pooled values (list-valued metrics contribute every element),
 * {@code per_run} the same per run. Percentiles and std are NumPy's (linear interpolation, population std), as
 * in the run summaries.
 */
public final class CollatedRecords {
    public static final String FILE = "profile_export_aiperf_collated.json";
    static final String SCHEMA_VERSION = "1.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CollatedRecords() {
    }

    /**
     * Writes the file into {@code dir} from the given runs' record files (label to file), or returns null when no
     * run wrote records ({@code --export-level summary}).
     */
    public static Path write(Path dir, Map<String, Path> recordsByRun) throws IOException {
        Map<String, Values> combined = new LinkedHashMap<>();
        List<Map<String, Object>> perRun = new ArrayList<>();
        for (Map.Entry<String, Path> run : recordsByRun.entrySet()) {
            if (run.getValue() == null || !Files.exists(run.getValue())) {
                continue;
            }
            Map<String, Values> own = read(run.getValue());
            own.forEach((tag, values) -> combined.computeIfAbsent(tag, t -> new Values(values.unit)).addAll(values));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("run_label", run.getKey());
            entry.put("metrics", statistics(own));
            perRun.add(entry);
        }
        if (perRun.isEmpty()) {
            return null;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("aiperf_version", Versions.aiperf());
        root.put("num_runs", perRun.size());
        root.put("combined", statistics(combined));
        root.put("per_run", perRun);
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        AtomicFile.writeString(file, JsonText.pretty(root));
        return file;
    }

    /** Every profiling record's metric values, per tag, in the order first seen; error records are skipped. */
    private static Map<String, Values> read(Path records) throws IOException {
        Map<String, Values> byTag = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                try (JsonParser parser = JSON.createParser(line)) {
                    record = JSON.readTree(parser);
                }
                if (record == null || record.hasNonNull("error")) {
                    continue;
                }
                record.path("metrics").properties().forEach(metric -> {
                    JsonNode value = metric.getValue().path("value");
                    Values values = byTag.computeIfAbsent(metric.getKey(),
                            t -> new Values(metric.getValue().path("unit").asText(null)));
                    if (value.isNumber()) {
                        values.add(value.asDouble());
                    } else if (value.isArray()) {
                        value.forEach(v -> {
                            if (v.isNumber()) {
                                values.add(v.asDouble());
                            }
                        });
                    }
                });
            }
        }
        return byTag;
    }

    private static Map<String, Object> statistics(Map<String, Values> byTag) {
        Map<String, Object> json = new LinkedHashMap<>();
        byTag.forEach((tag, values) -> {
            if (values.n == 0) {
                return;
            }
            double[] sorted = Arrays.copyOf(values.data, values.n);
            Arrays.sort(sorted);
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("mean", DistributionStatistics.mean(values.data, values.n));
            stats.put("std", DistributionStatistics.std(values.data, values.n));
            for (int p : new int[]{50, 90, 95, 99}) {
                stats.put("p" + p, DistributionStatistics.percentileOfSorted(sorted, values.n, p));
            }
            stats.put("count", values.n);
            stats.put("unit", values.unit);
            json.put(tag, stats);
        });
        return json;
    }

    /** A growable array of one metric's values. */
    private static final class Values {
        final String unit;
        double[] data = new double[64];
        int n;

        Values(String unit) {
            this.unit = unit;
        }

        void add(double v) {
            if (n == data.length) {
                data = Arrays.copyOf(data, n * 2);
            }
            data[n++] = v;
        }

        void addAll(Values other) {
            for (int i = 0; i < other.n; i++) {
                add(other.data[i]);
            }
        }
    }
}
