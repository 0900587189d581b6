/** The {@code aiperf profile} command: options, validation of spec §1.4, artifact naming. */
package dev.aiperf.cli.profile;
