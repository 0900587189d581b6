/**
 * Reading Prometheus metrics: the text exposition format (0.0.4) and OpenMetrics 1.0, fetched over HTTP off the
 * request path. Used by the server-metrics scraper and the DCGM GPU telemetry collector.
 */
package dev.aiperf.prometheus;
