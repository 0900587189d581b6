/**
 * {@code report.html}: one self-contained, interactive page per run or per set of runs, with the chart
 * library (Apache ECharts, bundled at build time) inlined, so it opens anywhere without a network.
 */
package dev.aiperf.report;
