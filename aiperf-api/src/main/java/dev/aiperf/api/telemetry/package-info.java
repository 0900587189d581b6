/**
 * What the run observes on the server side: Prometheus server metrics scraped during the run and GPU
 * telemetry, as the exporters see them, and the {@code gpu_telemetry_collector} plugin category.
 */
package dev.aiperf.api.telemetry;
