package dev.aiperf.artifacts;

/**
 * A data exporter that shows the run's per-request samples ({@code report.html}): the engine gives it the samples
 * it keeps while the records are written, so it need not read {@code profile_export.jsonl} back at the end.
 */
public interface UsesRunRequestSamples {
    /**
     * Called before the run starts with the columns the run fills; read them only in {@code export}, and read the
     * records file instead when they are not {@link RequestSampleColumns#complete() complete}.
     */
    void useRequestSamples(RequestSampleColumns samples);
}
