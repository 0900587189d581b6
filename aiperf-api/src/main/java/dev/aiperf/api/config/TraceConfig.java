package dev.aiperf.api.config;

/**
 * How trace datasets (mooncake_trace, bailian_trace, burst_gpt_trace) are replayed (spec §1.3 "Trace synthesis",
 * §3.6).
 *
 * @param islBlockSize       tokens per {@code hash_id} block ({@code --isl-block-size}), or null for the format's own
 *                           (512 mooncake_trace, 16 bailian_trace)
 * @param maxIsl             rows with a longer {@code input_length} are left out ({@code --synthesis-max-isl}), or null
 * @param maxOsl             {@code output_length} is capped at this ({@code --synthesis-max-osl}), or null
 * @param speedupRatio       timestamps and delays are divided by this ({@code --synthesis-speedup-ratio}); 1 keeps them
 * @param ignoreTraceDelays  drop every timestamp and delay, so turns run back to back ({@code --ignore-trace-delays})
 */
public record TraceConfig(Integer islBlockSize, Integer maxIsl, Integer maxOsl, double speedupRatio,
                          boolean ignoreTraceDelays) {

    /** The defaults: each format's block size, nothing dropped, capped or sped up. */
    public static final TraceConfig DEFAULT = new TraceConfig(null, null, null, 1.0, false);

    public TraceConfig {
        if (!(speedupRatio > 0) || Double.isInfinite(speedupRatio)) {
            throw new IllegalArgumentException("the trace speed-up ratio must be a positive number, got " + speedupRatio);
        }
    }
}
