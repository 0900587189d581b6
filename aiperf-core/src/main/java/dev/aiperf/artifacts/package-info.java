/**
 * Reading a finished run back from its artifact directory (summary JSON, per-request JSONL, plugins used,
 * server metrics) and the series drawn from it: histograms, throughput over time, rolling percentiles,
 * the Pareto front of several runs. Shared by the PNG plots and the HTML report, so both show the same numbers.
 */
package dev.aiperf.artifacts;
