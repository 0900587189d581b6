package dev.aiperf.engine;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Version-4 UUID strings for request and session ids, made from a fast non-cryptographic generator:
 * {@link UUID#randomUUID()} goes through {@code SecureRandom} on every call, which is needlessly slow
 * on the send path. Not thread-safe: the scheduler thread owns one.
 */
final class RandomIds {
    private final SplittableRandom random = new SplittableRandom();

    String next() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
