package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.random.RandomStreams;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks the model of each dataset turn, in dataset-build order, by {@code --model-selection-strategy}
 * (spec §3.9): {@code round_robin} over {@code --model}, or {@code random} (stream
 * {@code composer.turn.model_selection}). Not thread-safe: one per dataset build.
 */
final class ModelPicker {

    private final List<String> models;
    private final boolean random;
    private final RandomGenerator modelRandom;
    private long turnCounter;

    ModelPicker(BenchmarkConfig config) {
        this.models = config.endpoint().models();
        String strategy = config.endpoint().modelSelectionStrategy();
        if (strategy != null && !strategy.equals("round_robin") && !strategy.equals("random")) {
            throw new IllegalArgumentException("Unknown --model-selection-strategy '" + strategy
                    + "'; valid values are round_robin and random");
        }
        this.random = "random".equals(strategy);
        this.modelRandom = RandomStreams.forStream(config.input().randomSeed(), "composer.turn.model_selection");
    }

    /** The next turn's model, or null when no model is configured. */
    String next() {
        if (models.isEmpty()) {
            return null;
        }
        if (random) {
            return models.get(modelRandom.nextInt(models.size()));
        }
        return models.get((int) (turnCounter++ % models.size()));
    }
}
