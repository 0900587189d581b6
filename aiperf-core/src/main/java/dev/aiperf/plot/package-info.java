/**
 * The built-in {@code plot} plugins of {@code aiperf plot}: PNG charts drawn headless with JFreeChart from
 * artifact directories, named after the original's plot types ({@code scatter}, {@code area},
 * {@code pareto}, ...).
 */
package dev.aiperf.plot;
