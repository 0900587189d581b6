/** Categories {@code timing_strategy}, {@code arrival_pattern} and {@code ramp}: when requests are sent. */
package dev.aiperf.api.timing;
