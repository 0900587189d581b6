package dev.aiperf.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.metrics.MetricTags;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metric statistics of one finished run, as its summary JSON ({@code profile_export_aiperf.json})
 * holds them: what comparisons and SLO gates read, whether the run just ended in this process or
 * was written by an earlier one. Besides the exported metrics it answers the derived
 * {@value #ERROR_RATE}: failed requests over all requests, 0 when none failed.
 *
 * @param name    a short name for tables: the run folder's name
 * @param source  the summary file it was read from, or null for a run of this process
 * @param metrics every metric with its unit and statistics, in file order
 */
public record RunSummary(String name, Path source, Map<String, MetricStatistics> metrics) {
    /** The derived error ratio (0..1) that gates and comparisons may name like any metric. */
    public static final String ERROR_RATE = "error_rate";
    public static final String SUMMARY_FILE = "profile_export_aiperf.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunSummary {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * One metric's unit and statistics ({@code avg}, {@code p99}, ... as the exports name them).
     */
    public record MetricStatistics(String unit, Map<String, Double> statistics) {
        public MetricStatistics {
            statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
        }
    }

    /** The summary of a run that just ended in this process. */
    public static RunSummary of(String name, ExportContext context) {
        Map<String, MetricStatistics> metrics = new LinkedHashMap<>();
        for (MetricResult result : context.results()) {
            Map<String, Double> statistics = new LinkedHashMap<>();
            result.statistics().forEach((statistic, value) -> statistics.put(statistic.key(), value));
            metrics.put(result.tag(), new MetricStatistics(result.unit(), statistics));
        }
        return new RunSummary(name, null, withErrorRate(metrics));
    }

    /**
     * Reads a run folder (its {@value #SUMMARY_FILE}) or a summary file itself.
     *
     * @throws IllegalArgumentException when the path holds no summary or the file is not one; the
     *                                  message names the file and what is wrong
     */
    public static RunSummary read(Path runDirOrFile) {
        Path file = Files.isDirectory(runDirOrFile) ? runDirOrFile.resolve(SUMMARY_FILE) : runDirOrFile;
        Path folder = Files.isDirectory(runDirOrFile) ? runDirOrFile : runDirOrFile.toAbsolutePath().getParent();
        String name = folder == null || folder.getFileName() == null ? file.toString() : folder.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(Files.isDirectory(runDirOrFile)
                    ? runDirOrFile + " holds no " + SUMMARY_FILE + " (is it a run's artifact folder?)"
                    : file + " does not exist");
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text; expected a " + SUMMARY_FILE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " is not a summary: expected a JSON object");
        }
        Map<String, MetricStatistics> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode node = field.getValue();
            // A metric is an object with a unit and numbers; input_config, error_summary, ... are not.
            if (!node.isObject() || !node.path("unit").isTextual()) {
                continue;
            }
            Map<String, Double> statistics = new LinkedHashMap<>();
            node.fields().forEachRemaining(stat -> {
                if (stat.getValue().isNumber()) {
                    statistics.put(stat.getKey(), stat.getValue().doubleValue());
                }
            });
            metrics.put(field.getKey(), new MetricStatistics(node.get("unit").asText(), statistics));
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no metrics (expected a " + SUMMARY_FILE + ")");
        }
        return new RunSummary(name, file, withErrorRate(metrics));
    }

    /** A statistic of a metric, if the run has it. */
    public Optional<Double> value(String tag, String statistic) {
        MetricStatistics metric = metrics.get(tag);
        return metric == null ? Optional.empty() : Optional.ofNullable(metric.statistics().get(statistic));
    }

    /** The metric's unit, if the run has the metric. */
    public Optional<String> unit(String tag) {
        return Optional.ofNullable(metrics.get(tag)).map(MetricStatistics::unit);
    }

    public Set<String> tags() {
        return metrics.keySet();
    }

    /** The run's metrics plus {@value #ERROR_RATE}, when the request counts are known. */
    private static Map<String, MetricStatistics> withErrorRate(Map<String, MetricStatistics> metrics) {
        Double good = avg(metrics, MetricTags.REQUEST_COUNT);
        Double failed = avg(metrics, MetricTags.ERROR_REQUEST_COUNT);
        if (good == null && failed == null) {
            return metrics;
        }
        double ok = good == null ? 0 : good;
        double bad = failed == null ? 0 : failed;
        double total = ok + bad;
        Map<String, MetricStatistics> with = new LinkedHashMap<>(metrics);
        with.putIfAbsent(ERROR_RATE, new MetricStatistics("ratio", Map.of("avg", total == 0 ? 0.0 : bad / total)));
        return with;
    }

    private static Double avg(Map<String, MetricStatistics> metrics, String tag) {
        MetricStatistics metric = metrics.get(tag);
        return metric == null ? null : metric.statistics().get("avg");
    }
}
