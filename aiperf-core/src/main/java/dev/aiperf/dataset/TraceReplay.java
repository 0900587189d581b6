package dev.aiperf.dataset;

import dev.aiperf.api.config.TraceConfig;

/**
 * What the trace loaders do the same way to every row (spec §1.3 "Trace synthesis"): leave out rows longer than
 * {@code --synthesis-max-isl}, cap output lengths at {@code --synthesis-max-osl}, divide timestamps and delays by
 * {@code --synthesis-speedup-ratio} (whole ms, as the original) or drop them with {@code --ignore-trace-delays}.
 */
record TraceReplay(TraceConfig config) {

    /** The block size of {@code hash_ids}: {@code --isl-block-size}, else the format's. */
    int blockSize(int formatDefault) {
        return config.islBlockSize() != null ? config.islBlockSize() : formatDefault;
    }

    /** Whether a row of this input length is replayed. */
    boolean keeps(int inputLength) {
        return config.maxIsl() == null || inputLength <= config.maxIsl();
    }

    /** The max tokens of a row: its output length, capped; null stays null. */
    Integer outputLength(Integer outputLength) {
        if (outputLength == null || config.maxOsl() == null) {
            return outputLength;
        }
        return Math.min(outputLength, config.maxOsl());
    }

    /** A row's timestamp or delay in ms as replayed: sped up, or null when trace timing is ignored. */
    Long time(Long milliseconds) {
        if (milliseconds == null || config.ignoreTraceDelays()) {
            return null;
        }
        return config.speedupRatio() == 1.0 ? milliseconds : (long) (milliseconds / config.speedupRatio());
    }
}
