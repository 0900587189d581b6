/**
 * Server metrics: the Prometheus {@code /metrics} of the servers under test, scraped on the run's telemetry
 * thread before, during and after the run, summarised over the profiling window and exported as the original's
 * {@code server_metrics_export.json} / {@code .csv} / {@code .jsonl}.
 */
package dev.aiperf.servermetrics;
