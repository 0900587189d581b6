package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.random.RandomStreams;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks the model of each dataset turn, in dataset-build order, by {@code --model-selection-strategy}
 * (spec §3.9): {@code round_robin} over {@code --model}, {@code random}, or {@code weighted} by the per-model
 * weights (both from stream {@code composer.turn.model_selection}). Not thread-safe: one per dataset build.
 */
final class ModelPicker {

    private final List<String> models;
    private final boolean random;
    /** With {@code weighted}: the running sums of the model weights, the last one the total; else null. */
    private final double[] cumulativeWeights;
    private final RandomGenerator modelRandom;
    private long turnCounter;

    ModelPicker(BenchmarkConfig config) {
        this.models = config.endpoint().models();
        String strategy = config.endpoint().modelSelectionStrategy();
        if (strategy != null && !strategy.equals("round_robin") && !strategy.equals("random")
                && !strategy.equals("weighted")) {
            throw new IllegalArgumentException("Unknown --model-selection-strategy '" + strategy
                    + "'; valid values are round_robin, random and weighted");
        }
        this.random = "random".equals(strategy);
        this.cumulativeWeights = "weighted".equals(strategy) ? cumulative(config.endpoint().modelWeights()) : null;
        this.modelRandom = RandomStreams.forStream(config.input().randomSeed(), "composer.turn.model_selection");
    }

    /**
     * @throws IllegalArgumentException when the weights do not match the models one to one or do not sum to 1
     */
    private double[] cumulative(List<Double> weights) {
        if (weights.size() != models.size()) {
            throw new IllegalArgumentException("All models must have weights specified when using weighted strategy:"
                    + " " + models.size() + " models, " + weights.size() + " weights");
        }
        double[] sums = new double[weights.size()];
        double total = 0;
        for (int i = 0; i < sums.length; i++) {
            total += weights.get(i);
            sums[i] = total;
        }
        if (total < 0.99 || total > 1.01) {
            throw new IllegalArgumentException("Model weights must sum to 1.0, got " + total);
        }
        return sums;
    }

    /** The next turn's model, or null when no model is configured. */
    String next() {
        if (models.isEmpty()) {
            return null;
        }
        if (cumulativeWeights != null) {
            double draw = modelRandom.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
            for (int i = 0; i < cumulativeWeights.length; i++) {
                if (draw < cumulativeWeights[i]) {
                    return models.get(i);
                }
            }
            return models.getLast();
        }
        if (random) {
            return models.get(modelRandom.nextInt(models.size()));
        }
        return models.get((int) (turnCounter++ % models.size()));
    }
}
