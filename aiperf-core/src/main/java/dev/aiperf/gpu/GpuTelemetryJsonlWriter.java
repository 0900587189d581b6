package dev.aiperf.gpu;

import dev.aiperf.api.telemetry.GpuSample;
import dev.aiperf.export.JsonText;
import dev.aiperf.export.WholeLineFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code gpu_telemetry_export.jsonl}: one line per GPU per collection, written as collected (the original's
 * {@code TelemetryRecord}: GPU metadata, {@code timestamp_ns}, {@code dcgm_url}, {@code telemetry_data}).
 */
public final class GpuTelemetryJsonlWriter implements AutoCloseable {
    public static final String FILE = "gpu_telemetry_export.jsonl";

    private final WholeLineFile file;
    private final Consumer<String> warnings;
    private boolean failed;

    public GpuTelemetryJsonlWriter(Path artifactDir, Consumer<String> warnings) throws IOException {
        this(artifactDir, FILE, warnings);
    }

    /** Writes {@code fileName} ({@code X_gpu_telemetry.jsonl} with a {@code --profile-export-prefix}). */
    public GpuTelemetryJsonlWriter(Path artifactDir, String fileName, Consumer<String> warnings) throws IOException {
        this.file = new WholeLineFile(artifactDir.resolve(fileName));
        this.warnings = warnings;
    }

    public void write(List<GpuSample> samples) {
        if (failed) {
            return;
        }
        try {
            for (GpuSample sample : samples) {
                file.append(JsonText.compact(line(sample)));
            }
            file.flush();
        } catch (IOException e) {
            failed = true;
            warnings.accept("GPU telemetry: " + e.getMessage());
        }
    }

    static Map<String, Object> line(GpuSample sample) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gpu_index", sample.gpuIndex());
        json.put("gpu_uuid", sample.gpuUuid());
        json.put("gpu_model_name", sample.gpuModelName());
        json.put("pci_bus_id", sample.pciBusId());
        json.put("device", sample.device());
        json.put("hostname", sample.hostname());
        json.put("namespace", sample.namespace());
        json.put("pod_name", sample.podName());
        json.put("platform", sample.platform());
        json.put("timestamp_ns", sample.timestampNs());
        json.put("dcgm_url", sample.sourceUrl());
        json.put("telemetry_data", new LinkedHashMap<String, Object>(sample.metrics()));
        return json;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
