package dev.aiperf.study.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell of a recipe's grid: its folder name and the parameter values it runs with.
 *
 * @param label      folder name, e.g. {@code concurrency_4} or {@code shape_128_128_c4}
 * @param parameters parameter name ({@code concurrency}, {@code isl}, {@code osl}) to value, in the grid's order
 */
public record RecipeCell(String label, Map<String, Object> parameters) {
    public RecipeCell {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
