package dev.aiperf.api.telemetry;

import java.io.IOException;
import java.util.List;

/**
 * Category {@code gpu_telemetry_collector}: reads the GPUs of one source (the original's {@code dcgm},
 * {@code pynvml}, {@code amdsmi}).
 *
 * <p><b>Threading.</b> Called from the run's one telemetry thread, never from a request thread; a call may
 * block on I/O for up to the source's timeout.
 *
 * <p><b>Errors.</b> {@link #collect} throws {@link IOException} when the source cannot be read; the engine
 * reports the first failure once and keeps trying.
 *
 * <p><b>Constructor requirements.</b> A public constructor taking a {@link GpuTelemetryCollectorContext}.
 */
public interface GpuTelemetryCollector extends AutoCloseable {

    /** The source, as written to {@code dcgm_url} in the exports. */
    String sourceUrl();

    /** One reading of every GPU of the source, stamped with the epoch time of the reading. */
    List<GpuSample> collect() throws IOException;

    @Override
    default void close() {
    }
}
