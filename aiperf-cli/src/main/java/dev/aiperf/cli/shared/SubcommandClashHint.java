package dev.aiperf.cli.shared;

import java.util.Optional;

/**
 * A command that takes positional words and has subcommands: a word naming a subcommand runs it.
 * When that subcommand then cannot parse its arguments, the command may explain the clash in one
 * more line of the usage error.
 */
public interface SubcommandClashHint {

    /** The hint for a usage error of the subcommand {@code subcommand}, if this command's words explain it. */
    Optional<String> clashHint(String subcommand);
}
