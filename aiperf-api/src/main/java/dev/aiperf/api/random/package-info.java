/** Reproducible randomness for plugins: named streams derived from the run's seed. */
package dev.aiperf.api.random;
