package dev.aiperf.study.recipe;

import dev.aiperf.study.SweepPostProcess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --search-recipe decode-itl-curve}: every combination of a log-spaced concurrency grid (default 6 steps over
 * 1..200) and a log-spaced output-length grid (default 4 steps over 64..1024), then the measured ITL surface of
 * {@link ItlSurface}, written as {@code sweep_aggregate/decode_itl_surface.json}.
 *
 * @param concurrencyLow   {@code --concurrency-min}
 * @param concurrencyHigh  {@code --concurrency-max}
 * @param concurrencySteps {@code --concurrency-steps}
 * @param oslLow           {@code --osl-min}
 * @param oslHigh          {@code --osl-max}
 * @param oslSteps         {@code --osl-steps}
 */
public record DecodeItlCurve(int concurrencyLow, int concurrencyHigh, int concurrencySteps, int oslLow, int oslHigh,
                             int oslSteps) implements GridRecipe {
    public static final String NAME = "decode-itl-curve";
    public static final int DEFAULT_CONCURRENCY_LOW = 1;
    public static final int DEFAULT_CONCURRENCY_HIGH = 200;
    public static final int DEFAULT_CONCURRENCY_STEPS = 6;
    public static final int DEFAULT_OSL_LOW = 64;
    public static final int DEFAULT_OSL_HIGH = 1024;
    public static final int DEFAULT_OSL_STEPS = 4;

    public DecodeItlCurve {
        LogSpacedGrid.of(concurrencyLow, concurrencyHigh, concurrencySteps);
        LogSpacedGrid.of(oslLow, oslHigh, oslSteps);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, List<Object>> parameters() {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("concurrency", List.copyOf(LogSpacedGrid.of(concurrencyLow, concurrencyHigh, concurrencySteps)));
        parameters.put("osl", List.copyOf(LogSpacedGrid.of(oslLow, oslHigh, oslSteps)));
        return parameters;
    }

    @Override
    public SweepPostProcess postProcess() {
        return new ItlSurface("inter_token_latency", "avg");
    }
}
