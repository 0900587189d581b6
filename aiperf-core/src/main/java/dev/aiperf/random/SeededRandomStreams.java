package dev.aiperf.random;

import java.util.random.RandomGenerator;

/**
 * The run's random streams as plugins receive them: stream {@code id} is
 * {@link RandomStreams#forStream(Long, String) RandomStreams.forStream(rootSeed, id)}.
 *
 * @param rootSeed {@code --random-seed}, or null for entropy-seeded streams
 */
public record SeededRandomStreams(Long rootSeed) implements dev.aiperf.api.random.RandomStreams {

    @Override
    public RandomGenerator stream(String identifier) {
        return RandomStreams.forStream(rootSeed, identifier);
    }
}
