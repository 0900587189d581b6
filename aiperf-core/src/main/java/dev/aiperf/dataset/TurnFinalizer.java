package dev.aiperf.dataset;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.model.Turn;
import dev.aiperf.random.RandomStreams;

import java.util.random.RandomGenerator;

/**
 * Pins every dataset turn to a model and settles its {@code max_tokens} (spec §3.9): the model is
 * the next by {@code --model-selection-strategy}, in dataset-build order; {@code max_tokens} is
 * overwritten by a {@code --seq-dist} OSL or an {@code --osl} draw, else the source's value stays.
 * Not thread-safe: one finalizer per dataset build.
 */
final class TurnFinalizer {

    private final ModelPicker models;
    private final Integer oslMean;
    private final double oslStddev;
    private final RandomGenerator maxTokensRandom;
    private final SequenceDistribution sequenceDistribution;
    private final RandomGenerator sequenceRandom;

    TurnFinalizer(BenchmarkConfig config) {
        InputConfig input = config.input();
        Long seed = input.randomSeed();
        this.models = new ModelPicker(config);
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
        String model = models.next();
        Integer maxTokens = turn.maxTokens();
        if (sequenceDistribution != null) {
            maxTokens = sampledOsl != null ? sampledOsl : sampleSequence().osl();
        } else if (oslMean != null) {
            maxTokens = PositiveNormal.sample(maxTokensRandom, oslMean, oslStddev);
        }
        return turn.withModelAndMaxTokens(model, maxTokens);
    }
}
