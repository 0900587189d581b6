/** Waiting for the server to serve the model before a benchmark starts ({@code --wait-for-model-*}). */
package dev.aiperf.readiness;
