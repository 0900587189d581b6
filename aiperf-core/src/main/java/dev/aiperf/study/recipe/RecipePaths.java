package dev.aiperf.study.recipe;

import java.util.Map;

/** The dotted configuration paths upstream names swept parameters by in its artifacts. */
final class RecipePaths {
    private static final Map<String, String> PATHS = Map.of(
            "concurrency", "phases.profiling.concurrency",
            "request_rate", "phases.profiling.request_rate",
            "isl", "datasets.main.prompts.isl",
            "osl", "datasets.main.prompts.osl");

    private RecipePaths() {
    }

    /** E.g. {@code phases.profiling.concurrency} for {@code concurrency}. */
    static String path(String parameter) {
        return PATHS.getOrDefault(parameter, parameter);
    }
}
