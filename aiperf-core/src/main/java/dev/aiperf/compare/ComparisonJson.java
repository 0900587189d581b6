package dev.aiperf.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.summary.RunSummary;

import java.util.List;

/** {@code aiperf compare --json}: the comparison for scripts, one document on stdout. */
public final class ComparisonJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonJson() {
    }

    public static String of(RunComparison comparison) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode runs = root.putArray("runs");
        for (RunSummary run : comparison.runs()) {
            ObjectNode r = runs.addObject();
            r.put("name", run.name());
            r.put("path", run.source() == null ? null : run.source().toString());
        }
        root.put("baseline", comparison.runs().get(0).name());
        ArrayNode metrics = root.putArray("statistics");
        for (ComparedStatistic s : comparison.statistics()) {
            ObjectNode m = metrics.addObject();
            m.put("metric", s.metric());
            m.put("unit", s.unit());
            m.put("stat", s.statistic());
            numbers(m.putArray("values"), s.values());
            numbers(m.putArray("deltas"), s.deltas());
            numbers(m.putArray("pct_changes"), s.percentChanges());
            ArrayNode beyond = m.putArray("beyond_spread");
            s.beyondSpread().forEach(b -> {
                if (b == null) {
                    beyond.addNull();
                } else {
                    beyond.add(b);
                }
            });
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void numbers(ArrayNode array, List<Double> values) {
        values.forEach(v -> {
            if (v == null || v.isNaN() || v.isInfinite()) {
                array.addNull();
            } else {
                array.add(v);
            }
        });
    }
}
