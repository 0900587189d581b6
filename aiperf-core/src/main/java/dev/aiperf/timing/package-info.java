/** The built-in timing strategy, arrival patterns and ramps (spec §2.4–§2.7). */
package dev.aiperf.timing;
