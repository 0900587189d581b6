package dev.aiperf.study.recipe;

import dev.aiperf.study.StudyCell;
import dev.aiperf.study.SweepPostProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search recipe that runs a fixed grid of cells, then derives its answer from the measured cells
 * (upstream's grid recipes, §4.3). The study runs the cells like a sweep: one artifact folder per cell, the
 * sweep aggregate, then {@link #postProcess()}'s artifact next to it.
 */
public interface GridRecipe {
    /** The recipe's name as {@code --search-recipe} takes it, e.g. {@code concurrency-ramp}. */
    String name();

    /**
     * Every swept parameter ({@code concurrency}, {@code isl}, {@code osl}) with its values in order: the sweep
     * aggregate's {@code sweep_parameters}.
     */
    Map<String, List<Object>> parameters();

    /** The cells, in the order they run: by default every combination of {@link #parameters()}. */
    default List<RecipeCell> cells() {
        return product(parameters());
    }

    /** The analysis that answers the recipe's question. */
    SweepPostProcess postProcess();

    /** Every combination of the parameters' values, the first parameter outermost, labelled as sweeps label. */
    static List<RecipeCell> product(Map<String, List<Object>> parameters) {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        parameters.forEach((name, values) -> {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object value : values) {
                    Map<String, Object> cell = new LinkedHashMap<>(partial);
                    cell.put(name, value);
                    next.add(cell);
                }
            }
            combinations.clear();
            combinations.addAll(next);
        });
        return combinations.stream().map(c -> new RecipeCell(StudyCell.label(c), c)).toList();
    }
}
