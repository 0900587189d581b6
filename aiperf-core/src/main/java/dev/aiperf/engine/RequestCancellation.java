package dev.aiperf.engine;

import java.util.random.RandomGenerator;

/**
 * Simulated client disconnects (spec §2.12, {@code --request-cancellation-rate} and
 * {@code --request-cancellation-delay}): at issue each profiling request is drawn, from the random
 * stream {@value #STREAM}, to be abandoned or not; an abandoned one is closed by the transport that
 * long after it was fully sent, unless it finished first. Scheduler thread only.
 *
 * @param ratePercent percent (0, 100] of requests to abandon
 * @param delayNs     how long after the request was sent
 * @param random      the draw's random stream
 */
record RequestCancellation(double ratePercent, long delayNs, RandomGenerator random) {
    static final String STREAM = "timing.request.cancellation";

    /** The delay after which the next request is abandoned, or null when it is not. */
    Long draw() {
        return random.nextDouble() < ratePercent / 100.0 ? delayNs : null;
    }
}
