package dev.aiperf.study.recipe;

import dev.aiperf.study.SearchObjective;
import dev.aiperf.study.SlaFilter;
import dev.aiperf.study.SweepPostProcess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --search-recipe max-concurrency-under-sla --search-style grid}: instead of probing adaptively, every
 * concurrency of a log-spaced grid (8 steps over {@code --concurrency-min..--concurrency-max}), then the SLA
 * boundary of {@link SlaBreachKnee}, written as {@code sweep_aggregate/sla_breach.json}.
 *
 * @param low     lowest concurrency
 * @param high    highest concurrency
 * @param steps   grid points (upstream: 8)
 * @param filters   the SLA conditions
 * @param objective what picks the best passing concurrency, or null
 */
public record SlaGrid(int low, int high, int steps, List<SlaFilter> filters, SearchObjective objective)
        implements GridRecipe {
    public static final int DEFAULT_STEPS = 8;

    public SlaGrid {
        LogSpacedGrid.of(low, high, steps);
        filters = List.copyOf(filters);
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("an SLA grid needs at least one SLA");
        }
    }

    @Override
    public String name() {
        return "max-concurrency-under-sla";
    }

    @Override
    public Map<String, List<Object>> parameters() {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("concurrency", List.copyOf(LogSpacedGrid.of(low, high, steps)));
        return parameters;
    }

    @Override
    public SweepPostProcess postProcess() {
        return new SlaBreachKnee(filters, "concurrency", objective);
    }
}
