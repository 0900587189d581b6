/**
 * Datasets: the synthetic composer and its prompt corpus, the {@code single_turn} loader, the samplers, the
 * in-memory store and the {@code inputs.json} writer.
 */
package dev.aiperf.dataset;
