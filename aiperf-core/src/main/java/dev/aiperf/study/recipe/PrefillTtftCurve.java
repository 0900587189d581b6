package dev.aiperf.study.recipe;

import dev.aiperf.study.SweepPostProcess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --search-recipe prefill-ttft-curve}: the input length on a log-spaced grid (default 8 steps over
 * 256..32768) at concurrency 1, so queueing does not mix into prefill, then the TTFT-vs-ISL fit of
 * {@link TtftCurveFit}, written as {@code sweep_aggregate/prefill_curve.json}.
 *
 * @param low   shortest input ({@code --isl-min})
 * @param high  longest input ({@code --isl-max})
 * @param steps grid points ({@code --isl-steps})
 */
public record PrefillTtftCurve(int low, int high, int steps) implements GridRecipe {
    public static final String NAME = "prefill-ttft-curve";
    public static final int DEFAULT_LOW = 256;
    public static final int DEFAULT_HIGH = 32768;
    public static final int DEFAULT_STEPS = 8;

    public PrefillTtftCurve {
        LogSpacedGrid.of(low, high, steps);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The input lengths, then concurrency fixed at 1 (a one-value parameter, as upstream sweeps it). */
    @Override
    public Map<String, List<Object>> parameters() {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("isl", List.copyOf(LogSpacedGrid.of(low, high, steps)));
        parameters.put("concurrency", List.of(1));
        return parameters;
    }

    @Override
    public SweepPostProcess postProcess() {
        return new TtftCurveFit("time_to_first_token", "avg");
    }
}
