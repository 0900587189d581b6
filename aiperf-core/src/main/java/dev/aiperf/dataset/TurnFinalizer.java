package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.model.Turn;
import dev.aiperf.random.RandomStreams;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Pins every dataset turn to a model and settles its {@code max_tokens} (spec §3.9): the model is
 * the next by {@code --model-selection-strategy}, in dataset-build order; {@code max_tokens} is
 * overwritten by a {@code --seq-dist} OSL or an {@code --osl} draw, else the source's value stays.
 * Not thread-safe: one finalizer per dataset build.
 */
final class TurnFinalizer {

    private final List<String> models;
    private final boolean randomModels;
    /** With {@code weighted}: the running sums of the model weights, the last one the total; else null. */
    private final double[] cumulativeWeights;
    private final RandomGenerator modelRandom;
    private final Integer oslMean;
    private final double oslStddev;
    private final RandomGenerator maxTokensRandom;
    private final SequenceDistribution sequenceDistribution;
    private final RandomGenerator sequenceRandom;
    private long turnCounter;

    TurnFinalizer(BenchmarkConfig config) {
        InputConfig input = config.input();
        Long seed = input.randomSeed();
        this.models = config.endpoint().models();
        String strategy = config.endpoint().modelSelectionStrategy();
        if (strategy != null && !strategy.equals("round_robin") && !strategy.equals("random")
                && !strategy.equals("weighted")) {
            throw new IllegalArgumentException("Unknown --model-selection-strategy '" + strategy
                    + "'; valid values are round_robin, random and weighted");
        }
        this.randomModels = "random".equals(strategy);
        this.cumulativeWeights = "weighted".equals(strategy) ? cumulative(config.endpoint().modelWeights()) : null;
        this.modelRandom = RandomStreams.forStream(seed, "composer.turn.model_selection");
        this.oslMean = input.oslMean();
        this.oslStddev = input.oslStddev();
        this.maxTokensRandom = RandomStreams.forStream(seed, "composer.turn.max_tokens");
        this.sequenceDistribution = input.sequenceDistribution() == null ? null
                : SequenceDistribution.parse(input.sequenceDistribution());
        this.sequenceRandom = RandomStreams.forStream(seed, "models.sequence.distribution");
    }

    /** The {@code --seq-dist} mixture, or null when none was given. */
    SequenceDistribution sequenceDistribution() {
        return sequenceDistribution;
    }

    /** Draws one (ISL, OSL) pair from {@code --seq-dist}; only valid when it was given. */
    SequenceDistribution.Lengths sampleSequence() {
        return sequenceDistribution.sample(sequenceRandom);
    }

    /**
     * The turn with its model and final {@code max_tokens}.
     *
     * @param sampledOsl the OSL of this turn's {@code --seq-dist} draw, or null to draw one here when
     *                   {@code --seq-dist} is set (custom data)
     */
    Turn finalizeTurn(Turn turn, Integer sampledOsl) {
        String model = nextModel();
        Integer maxTokens = turn.maxTokens();
        if (sequenceDistribution != null) {
            maxTokens = sampledOsl != null ? sampledOsl : sampleSequence().osl();
        } else if (oslMean != null) {
            maxTokens = PositiveNormal.sample(maxTokensRandom, oslMean, oslStddev);
        }
        return turn.withModelAndMaxTokens(model, maxTokens);
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

    private String nextModel() {
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
        if (randomModels) {
            return models.get(modelRandom.nextInt(models.size()));
        }
        return models.get((int) (turnCounter++ % models.size()));
    }
}
