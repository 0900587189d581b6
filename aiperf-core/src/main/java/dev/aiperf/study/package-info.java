/**
 * Whole studies made of several benchmark runs: sweeps over load values, repeated runs with
 * confidence intervals, SLA searches, and the aggregate files the original writes for them
 * ({@code aggregate/}, {@code sweep_aggregate/}). The command line only parses; everything here is
 * usable from a library.
 */
package dev.aiperf.study;
