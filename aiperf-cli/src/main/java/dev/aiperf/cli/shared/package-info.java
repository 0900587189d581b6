/**
 * What every {@code aiperf} command shares: the version it reports and how a usage error is told
 * (one line, a "did you mean", exit code 2). The root package wires the commands together; the
 * command packages use this one, so no package depends on the one that depends on it.
 */
package dev.aiperf.cli.shared;
