package dev.aiperf.study.recipe;

import dev.aiperf.export.PythonNumbers;
import dev.aiperf.study.SweepAggregate;
import dev.aiperf.study.SweepPostProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code degradation_knee_detect} ({@code concurrency-ramp}): the lowest swept value is the baseline;
 * the knee is the first higher value whose metric exceeds {@code baseline × (1 + threshold)}. Writes
 * {@code degradation_knee.json}: {@code baseline_<leaf>}, {@code baseline_<stat>}, {@code knee_<leaf>},
 * {@code knee_<stat>} (null without a knee), {@code threshold_pct}, {@code swept_metric}, {@code stat},
 * {@code swept_param} and {@code all_points}.
 *
 * @param thresholdPct the allowed degradation as a fraction, e.g. 0.2 for 20 %
 * @param metricTag    the metric, e.g. {@code request_latency}
 * @param stat         its statistic, e.g. {@code p99}
 * @param parameter    the swept parameter, e.g. {@code concurrency}
 */
public record DegradationKnee(double thresholdPct, String metricTag, String stat, String parameter)
        implements SweepPostProcess {
    public static final String FILE = "degradation_knee.json";

    @Override
    public String handler() {
        return "degradation_knee_detect";
    }

    @Override
    public String outputFile() {
        return FILE;
    }

    @Override
    public Map<String, Object> process(SweepAggregate sweep) {
        List<SweepPoints.Point> points = SweepPoints.of(sweep, parameter, metricTag, stat);
        if (points.isEmpty()) {
            throw new IllegalArgumentException(SweepPoints.missing(handler(), parameter, metricTag, stat));
        }
        SweepPoints.Point baseline = points.getFirst();
        if (!Double.isFinite(baseline.y()) || baseline.y() <= 0) {
            throw new IllegalArgumentException(handler() + ": the baseline " + metricTag + " " + stat + " at "
                    + parameter + " " + baseline.x() + " is " + baseline.y() + "; a knee needs a positive baseline");
        }
        double cutoff = baseline.y() * (1 + thresholdPct);
        SweepPoints.Point knee = points.stream().skip(1).filter(p -> p.y() > cutoff).findFirst().orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseline_" + parameter, baseline.x());
        out.put("baseline_" + stat, baseline.y());
        out.put("knee_" + parameter, knee == null ? null : knee.x());
        out.put("knee_" + stat, knee == null ? null : knee.y());
        out.put("threshold_pct", thresholdPct);
        out.put("swept_metric", metricTag);
        out.put("stat", stat);
        out.put("swept_param", RecipePaths.path(parameter));
        List<Map<String, Object>> all = new ArrayList<>();
        for (SweepPoints.Point p : points) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put(parameter, p.x());
            point.put(stat, p.y());
            all.add(point);
        }
        out.put("all_points", all);
        out.put("unit", SweepPoints.unit(sweep, metricTag, stat));
        return out;
    }

    @Override
    public String report(Map<String, Object> artifact) {
        String unit = (String) artifact.get("unit");
        String what = metricTag + " " + stat;
        double baseline = (Double) artifact.get("baseline_" + stat);
        double cutoff = baseline * (1 + thresholdPct);
        StringBuilder out = new StringBuilder();
        Object knee = artifact.get("knee_" + parameter);
        String limit = PythonNumbers.general(cutoff) + " " + unit + " (baseline " + PythonNumbers.general(baseline)
                + " " + unit + " at " + parameter + " " + artifact.get("baseline_" + parameter) + " + "
                + PythonNumbers.general(thresholdPct * 100) + " %)";
        if (knee == null) {
            out.append("Answer: no knee: ").append(what).append(" stayed at or below ").append(limit)
                    .append(" over the whole ramp\n");
        } else {
            out.append("Answer: knee at ").append(parameter).append(' ').append(knee).append(": ").append(what)
                    .append(' ').append(PythonNumbers.general((Double) artifact.get("knee_" + stat))).append(' ')
                    .append(unit).append(" > ").append(limit).append('\n');
        }
        out.append("Degradation curve (").append(what).append(", ").append(unit).append("):\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) artifact.get("all_points");
        for (Map<String, Object> p : points) {
            double y = (Double) p.get(stat);
            out.append(String.format("  %s=%-8s %12s  %s%n", parameter, p.get(parameter), PythonNumbers.fixed2(y),
                    p.get(parameter).equals(knee) ? "<- knee" : y > cutoff ? "over" : ""));
        }
        return out.toString();
    }
}
