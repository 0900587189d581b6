/** The {@code aiperf profile} command: options, validation of spec §1.4, artifact naming, error handling. */
package dev.aiperf.cli.profile;
