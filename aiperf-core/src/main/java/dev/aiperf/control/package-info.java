/**
 * What the run does to the server besides its benchmark requests: the prefix/KV-cache reset before
 * profiling ({@code --reset-kv-cache}) and the server profiler's start and stop around it
 * ({@code --server-profiler}). A handful of calls per run, never on a request's path.
 */
package dev.aiperf.control;
