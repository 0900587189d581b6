package dev.aiperf.random;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent random streams derived from one root seed (spec §3.11): the child seed of stream
 * {@code id} is the first 8 bytes (big-endian) of SHA-256 of {@code "<root>:<id>"}. The same root
 * seed gives the same stream whatever the order streams are created in; no root seed means an
 * entropy-seeded stream.
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** A generator for the stream named {@code identifier}, e.g. {@code dataset.prompt.corpus}. */
    public static RandomGenerator forStream(Long rootSeed, String identifier) {
        if (rootSeed == null) {
            return new SplittableRandom(new SecureRandom().nextLong());
        }
        return new SplittableRandom(childSeed(rootSeed, identifier));
    }

    /** The derived seed of a stream, exposed so tests and other generators can reuse it. */
    public static long childSeed(long rootSeed, String identifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((rootSeed + ":" + identifier).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (digest[i] & 0xFF);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
