/** The benchmark engine: plugin construction, phases, credits and concurrency, records, exports, interruption. */
package dev.aiperf.engine;
