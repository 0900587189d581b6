package dev.aiperf.api.export;

import dev.aiperf.api.config.BenchmarkConfig;

/**
 * What a {@code data_exporter} or {@code console_exporter} plugin is built from, before the run
 * starts: a public constructor taking this one argument (or none). The results themselves come
 * later, in the {@link ExportContext} given to {@code export}.
 *
 * @param config the run's configuration (artifact directory, output options)
 */
public record ExporterContext(BenchmarkConfig config) {
}
