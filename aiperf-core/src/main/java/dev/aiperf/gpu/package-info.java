/**
 * GPU telemetry: the {@code dcgm} collector (DCGM exporter endpoints, Prometheus text), the per-GPU summaries of
 * {@code telemetry_data}, {@code gpu_telemetry_export.jsonl} and the energy-efficiency metrics derived from them.
 * Reading NVML or ROCm SMI directly is not done.
 */
package dev.aiperf.gpu;
