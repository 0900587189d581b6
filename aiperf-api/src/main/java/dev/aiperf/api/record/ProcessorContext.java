package dev.aiperf.api.record;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.model.CreditPhase;

/**
 * What a {@code record_processor} or {@code results_processor} plugin is built from: a public
 * constructor taking this one argument (or none).
 *
 * @param config           the run's configuration
 * @param endpointMetadata the typed metadata of the run's endpoint (which metrics apply)
 * @param phase            the phase whose records a results processor summarises: {@code PROFILING} for the
 *                         run's results (and each time slice's), {@code WARMUP} for the summary's
 *                         {@code warmup_metrics}; the engine gives each instance only records of its phase
 */
public record ProcessorContext(BenchmarkConfig config, EndpointMetadata endpointMetadata, CreditPhase phase) {
    public ProcessorContext {
        phase = phase == null ? CreditPhase.PROFILING : phase;
    }

    /** For the profiling phase. */
    public ProcessorContext(BenchmarkConfig config, EndpointMetadata endpointMetadata) {
        this(config, endpointMetadata, CreditPhase.PROFILING);
    }

    /** The same context for another phase. */
    public ProcessorContext forPhase(CreditPhase other) {
        return new ProcessorContext(config, endpointMetadata, other);
    }
}
