package dev.aiperf.study.recipe;

import dev.aiperf.export.PythonNumbers;
import dev.aiperf.study.CellResult;
import dev.aiperf.study.RunSummary;
import dev.aiperf.study.SearchObjective;
import dev.aiperf.study.SlaFilter;
import dev.aiperf.study.SweepAggregate;
import dev.aiperf.study.SweepPostProcess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code sla_breach_knee} ({@code max-concurrency-under-sla --search-style grid}): walks the cells in
 * ascending order of the swept value and judges each against every SLA filter; a cell is feasible only when every
 * one of its runs meets every filter. Writes {@code sla_breach.json}: {@code swept_param},
 * {@code max_passing_<leaf>}, {@code first_failing_<leaf>}, {@code first_failing_breach} (the first filter broken
 * there), {@code all_points[{<leaf>, feasible, breaches}]}, {@code monotonicity_check} (false when a feasible value
 * lies above an infeasible one: usually an unstable server) and {@code filters}.
 *
 * With an objective ({@code --search-metric}), the artifact also names the {@code best} feasible value by it
 * ({@code {<leaf>, objective_metric, objective_stat, objective_direction, objective_value}}, null when no feasible
 * cell measured it); upstream's file has no such key.
 *
 * @param filters   the SLA conditions
 * @param parameter the swept parameter, {@code concurrency}
 * @param objective what {@code best} optimises, or null for no {@code best}
 */
public record SlaBreachKnee(List<SlaFilter> filters, String parameter, SearchObjective objective)
        implements SweepPostProcess {
    public static final String FILE = "sla_breach.json";

    public SlaBreachKnee {
        filters = List.copyOf(filters);
    }

    /** Without an objective. */
    public SlaBreachKnee(List<SlaFilter> filters, String parameter) {
        this(filters, parameter, null);
    }

    @Override
    public String handler() {
        return "sla_breach_knee";
    }

    @Override
    public String outputFile() {
        return FILE;
    }

    @Override
    public Map<String, Object> process(SweepAggregate sweep) {
        List<CellResult> cells = sweep.cells().stream().filter(c -> c.parameters().get(parameter) instanceof Number)
                .sorted(Comparator.comparingDouble(c -> ((Number) c.parameters().get(parameter)).doubleValue()))
                .toList();
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(handler() + ": no cell along " + parameter + " finished");
        }
        List<Map<String, Object>> points = new ArrayList<>();
        Object maxPassing = null;
        CellResult best = null;
        Map<String, Object> firstFailing = null;
        boolean seenInfeasible = false;
        boolean monotonic = true;
        for (CellResult cell : cells) {
            List<Map<String, Object>> breaches = new ArrayList<>();
            for (RunSummary run : cell.runs()) {
                for (SlaFilter filter : filters) {
                    Double observed = filter.observed(run);
                    if (!filter.holds(observed)) {
                        Map<String, Object> breach = describe(filter);
                        breach.put("observed", observed);
                        breaches.add(breach);
                    }
                }
            }
            boolean feasible = breaches.isEmpty() && !cell.runs().isEmpty() && cell.failed().isEmpty();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put(parameter, cell.parameters().get(parameter));
            point.put("feasible", feasible);
            point.put("breaches", breaches);
            points.add(point);
            if (feasible) {
                maxPassing = cell.parameters().get(parameter);
                Double value = objective == null ? null : cell.mean(objective.key());
                if (value != null && (best == null || objective.better(value, best.mean(objective.key())))) {
                    best = cell;
                }
                monotonic &= !seenInfeasible;
            } else {
                seenInfeasible = true;
                if (firstFailing == null) {
                    firstFailing = point;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("swept_param", RecipePaths.path(parameter));
        out.put("max_passing_" + parameter, maxPassing);
        out.put("first_failing_" + parameter, firstFailing == null ? null : firstFailing.get(parameter));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> firstBreaches = firstFailing == null ? List.of()
                : (List<Map<String, Object>>) firstFailing.get("breaches");
        out.put("first_failing_breach", firstBreaches.isEmpty() ? null : firstBreaches.getFirst());
        out.put("all_points", points);
        out.put("monotonicity_check", monotonic);
        out.put("filters", filters.stream().map(SlaBreachKnee::describe).toList());
        if (objective != null) {
            Map<String, Object> chosen = null;
            if (best != null) {
                chosen = new LinkedHashMap<>();
                chosen.put(parameter, best.parameters().get(parameter));
                chosen.put("objective_metric", objective.metric());
                chosen.put("objective_stat", objective.stat());
                chosen.put("objective_direction", objective.direction());
                chosen.put("objective_value", best.mean(objective.key()));
            }
            out.put("best", chosen);
        }
        return out;
    }

    private static Map<String, Object> describe(SlaFilter filter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric_tag", filter.tag());
        m.put("stat", filter.stat());
        m.put("op", filter.op());
        m.put("threshold", filter.threshold());
        return m;
    }

    /** {@code time_to_first_token p95 487.2, needs < 300}. */
    private static String describeBreach(Map<String, Object> breach) {
        Object observed = breach.get("observed");
        String symbol = switch ((String) breach.get("op")) {
            case "lt" -> "<";
            case "le" -> "<=";
            case "gt" -> ">";
            default -> ">=";
        };
        return breach.get("metric_tag") + " " + breach.get("stat") + " "
                + (observed == null ? "not measured" : PythonNumbers.general((Double) observed)) + ", needs " + symbol
                + " " + PythonNumbers.general((Double) breach.get("threshold"));
    }

    @Override
    public String report(Map<String, Object> artifact) {
        StringBuilder out = new StringBuilder();
        Object pass = artifact.get("max_passing_" + parameter);
        Object fail = artifact.get("first_failing_" + parameter);
        @SuppressWarnings("unchecked")
        Map<String, Object> breach = (Map<String, Object>) artifact.get("first_failing_breach");
        out.append("Answer: ").append(pass == null ? "no " + parameter + " of the grid meets the SLA"
                : "highest " + parameter + " meeting the SLA: " + pass);
        if (fail != null) {
            out.append(" (").append(fail).append(" breaks it");
            if (breach != null) {
                Object observed = breach.get("observed");
                out.append(": ").append(describeBreach(breach));
            }
            out.append(')');
        } else if (pass != null) {
            out.append(" (the top of the grid; it may go higher)");
        }
        if (Boolean.FALSE.equals(artifact.get("monotonicity_check"))) {
            out.append("; not monotonic: a higher ").append(parameter)
                    .append(" passed after a lower one failed (an unstable server?)");
        }
        if (objective != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> best = (Map<String, Object>) artifact.get("best");
            out.append('\n').append("Best by ").append(objective.describe()).append(" among the passing: ")
                    .append(best == null ? "none measured it" : parameter + " " + best.get(parameter) + " ("
                            + PythonNumbers.general((Double) best.get("objective_value")) + ")");
        }
        out.append('\n').append("SLA by ").append(parameter).append(" (")
                .append(String.join(", ", filters.stream().map(SlaFilter::describe).toList())).append("):\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) artifact.get("all_points");
        for (Map<String, Object> p : points) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> breaches = (List<Map<String, Object>>) p.get("breaches");
            out.append(String.format("  %s=%-8s %s%n", parameter, p.get(parameter),
                    Boolean.TRUE.equals(p.get("feasible")) ? "pass"
                            : "FAIL" + (breaches.isEmpty() ? " (a run failed)" : " (" + describeBreach(breaches.getFirst())
                            + ")")));
        }
        return out.toString();
    }
}
