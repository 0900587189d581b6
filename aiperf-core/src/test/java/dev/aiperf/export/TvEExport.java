package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.metrics.TestConfigs;
import dev.aiperf.metrics.TvE;

import java.util.List;

/** The export context of TV-E, as the engine would build it. */
final class TvEExport {
    static final String BENCHMARK_ID = "4fa2b6dd-1dce-43d8-af16-1132bf9c5ca8";

    private TvEExport() {
    }

    static ExportContext context(BenchmarkConfig config) {
        return new ExportContext(config, TestConfigs.CHAT, TvE.results(config), List.of(new ErrorCount(TvE.ERROR, 1)),
                TvE.T0, TvE.T0 + 200 * TvE.MS, BENCHMARK_ID, "0.0.0", false);
    }
}
