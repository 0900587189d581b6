package dev.aiperf.study.recipe;

import dev.aiperf.study.SweepPostProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code --search-recipe pareto-sweep}: every workload shape of {@code --isl-osl-pairs} (ISL and OSL paired, not
 * crossed) at every concurrency of {@code --concurrency} (default 1,4,16,64,256), then the Pareto frontier of
 * p95 time to first token against output token throughput ({@link ParetoSweepExport}), written as
 * {@code sweep_aggregate/pareto_sweep.json}. Cells are named as upstream's scenarios, {@code shape_128_128_c4}.
 *
 * @param pairs         the workload shapes
 * @param concurrencies the concurrencies each shape runs at
 */
public record ParetoSweep(List<IslOslPair> pairs, List<Integer> concurrencies) implements GridRecipe {
    public static final String NAME = "pareto-sweep";
    public static final List<Integer> DEFAULT_CONCURRENCIES = List.of(1, 4, 16, 64, 256);

    public ParetoSweep {
        pairs = List.copyOf(pairs);
        concurrencies = List.copyOf(concurrencies);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("pareto-sweep needs --isl-osl-pairs, e.g. 128/128,512/256");
        }
        if (pairs.size() * concurrencies.size() < 2) {
            throw new IllegalArgumentException("a Pareto frontier of one point means nothing: give 2 or more"
                    + " --isl-osl-pairs or 2 or more --concurrency values");
        }
        if (concurrencies.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("concurrency must be 1 or more, got " + concurrencies);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Each parameter's distinct values in order of appearance (the cells are not their product). */
    @Override
    public Map<String, List<Object>> parameters() {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("isl", List.copyOf(new LinkedHashSet<Object>(pairs.stream().map(IslOslPair::isl).toList())));
        parameters.put("osl", List.copyOf(new LinkedHashSet<Object>(pairs.stream().map(IslOslPair::osl).toList())));
        parameters.put("concurrency", List.copyOf(new LinkedHashSet<Object>(concurrencies)));
        return parameters;
    }

    @Override
    public List<RecipeCell> cells() {
        List<RecipeCell> cells = new ArrayList<>();
        for (IslOslPair pair : pairs) {
            for (int concurrency : concurrencies) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("isl", pair.isl());
                values.put("osl", pair.osl());
                values.put("concurrency", concurrency);
                cells.add(new RecipeCell("shape_" + pair.isl() + "_" + pair.osl() + "_c" + concurrency, values));
            }
        }
        return cells;
    }

    @Override
    public SweepPostProcess postProcess() {
        return new ParetoSweepExport("time_to_first_token", "p95", "output_token_throughput", "avg");
    }
}
