package dev.aiperf.study.recipe;

import dev.aiperf.export.PythonNumbers;
import dev.aiperf.study.SweepAggregate;
import dev.aiperf.study.SweepPostProcess;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code ttft_curve_fit} ({@code prefill-ttft-curve}): least-squares fit of TTFT against the input
 * length, {@code TTFT = a·ISL + b}; when r² is under the floor (0.85) and 3 or more points were measured, a
 * quadratic {@code a·ISL² + b·ISL + c} too, keeping the better. Writes {@code prefill_curve.json}:
 * {@code fit_form}, {@code coefficients} (highest degree first, as numpy's polyfit), {@code r_squared},
 * {@code below_floor}, {@code r_squared_floor}, {@code raw_points[{isl, ttft_ms}]}, {@code swept_metric},
 * {@code stat}, {@code swept_param}; with fewer than 2 finite points, {@code below_floor} and an
 * {@code error_reason} instead of a fit.
 *
 * @param metricTag the metric, {@code time_to_first_token}
 * @param stat      its statistic, {@code avg}
 */
public record TtftCurveFit(String metricTag, String stat) implements SweepPostProcess {
    public static final String FILE = "prefill_curve.json";
    public static final double R_SQUARED_FLOOR = 0.85;

    @Override
    public String handler() {
        return "ttft_curve_fit";
    }

    @Override
    public String outputFile() {
        return FILE;
    }

    @Override
    public Map<String, Object> process(SweepAggregate sweep) {
        List<SweepPoints.Point> points = SweepPoints.of(sweep, "isl", metricTag, stat);
        if (points.size() < 2) {
            throw new IllegalArgumentException(points.isEmpty() ? SweepPoints.missing(handler(), "isl", metricTag, stat)
                    : handler() + ": a curve needs 2 or more measured input lengths, got " + points.size());
        }
        List<Map<String, Object>> raw = new ArrayList<>();
        WeightedObservedPoints finite = new WeightedObservedPoints();
        for (SweepPoints.Point p : points) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("isl", p.x().doubleValue());
            point.put("ttft_ms", p.y());
            raw.add(point);
            if (Double.isFinite(p.y())) {
                finite.add(p.x().doubleValue(), p.y());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        int n = finite.toList().size();
        if (n < 2) {
            out.put("fit_form", "linear");
            out.put("coefficients", List.of());
            out.put("r_squared", 0.0);
            out.put("below_floor", true);
            out.put("r_squared_floor", R_SQUARED_FLOOR);
            out.put("error_reason", handler() + ": fewer than 2 finite points (" + n + " of " + points.size() + ")");
        } else {
            Fit fit = Fit.of(finite, 1);
            if (fit.rSquared() < R_SQUARED_FLOOR && n >= 3) {
                Fit quadratic = Fit.of(finite, 2);
                if (quadratic.rSquared() > fit.rSquared()) {
                    fit = quadratic;
                }
            }
            boolean finiteFit = Double.isFinite(fit.rSquared())
                    && fit.coefficients().stream().allMatch(Double::isFinite);
            out.put("fit_form", fit.coefficients().size() == 2 ? "linear" : "quadratic");
            out.put("coefficients", fit.coefficients());
            out.put("r_squared", fit.rSquared());
            out.put("below_floor", !finiteFit || fit.rSquared() < R_SQUARED_FLOOR);
            out.put("r_squared_floor", R_SQUARED_FLOOR);
        }
        out.put("raw_points", raw);
        out.put("swept_metric", metricTag);
        out.put("stat", stat);
        out.put("swept_param", RecipePaths.path("isl"));
        return out;
    }

    /** A polynomial fit: coefficients highest degree first, and its coefficient of determination. */
    private record Fit(List<Double> coefficients, double rSquared) {
        static Fit of(WeightedObservedPoints points, int degree) {
            double[] lowFirst = PolynomialCurveFitter.create(degree).fit(points.toList());
            List<Double> highFirst = new ArrayList<>();
            for (int i = lowFirst.length - 1; i >= 0; i--) {
                highFirst.add(lowFirst[i]);
            }
            double mean = points.toList().stream().mapToDouble(p -> p.getY()).average().orElse(0);
            double residual = 0;
            double total = 0;
            for (var p : points.toList()) {
                double predicted = 0;
                for (double c : highFirst) {
                    predicted = predicted * p.getX() + c;
                }
                residual += (p.getY() - predicted) * (p.getY() - predicted);
                total += (p.getY() - mean) * (p.getY() - mean);
            }
            // A constant curve explains nothing: upstream reports r² 0 rather than dividing by zero.
            return new Fit(highFirst, total == 0 ? 0.0 : 1 - residual / total);
        }
    }

    @Override
    public String report(Map<String, Object> artifact) {
        StringBuilder out = new StringBuilder();
        @SuppressWarnings("unchecked")
        List<Double> c = (List<Double>) artifact.get("coefficients");
        if (c.isEmpty()) {
            out.append("Answer: no TTFT curve: ").append(artifact.get("error_reason")).append('\n');
        } else {
            String formula = c.size() == 2
                    ? number(c.get(0)) + " ms/token × ISL" + term(c.get(1), " ms")
                    : number(c.get(0)) + " ms/token² × ISL²" + term(c.get(1), " ms/token × ISL")
                    + term(c.get(2), " ms");
            out.append("Answer: ").append(metricTag).append(' ').append(stat).append(" ≈ ").append(formula)
                    .append(" (").append(artifact.get("fit_form")).append(", r² ")
                    .append(PythonNumbers.fixed4((Double) artifact.get("r_squared")))
                    .append(Boolean.TRUE.equals(artifact.get("below_floor"))
                            ? "; below the " + R_SQUARED_FLOOR + " floor: do not trust it" : "").append(")\n");
        }
        out.append("Prefill curve (").append(metricTag).append(' ').append(stat).append(" at concurrency 1, ms):\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) artifact.get("raw_points");
        for (Map<String, Object> p : raw) {
            out.append(String.format("  isl=%-8d %12s%n", Math.round((Double) p.get("isl")),
                    PythonNumbers.fixed2((Double) p.get("ttft_ms"))));
        }
        return out.toString();
    }

    /** {@code " + 2.5 ms"} or {@code " - 2.5 ms"}. */
    private static String term(double value, String unit) {
        return (value < 0 ? " - " : " + ") + number(Math.abs(value)) + unit;
    }

    private static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.6g", value);
    }
}
