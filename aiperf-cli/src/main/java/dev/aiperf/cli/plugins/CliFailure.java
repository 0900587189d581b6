package dev.aiperf.cli.plugins;

/**
 * A user-facing failure of a {@code plugins} subcommand: printed as one line, ending the command
 * with {@link #exitCode()}.
 */
final class CliFailure extends RuntimeException {
    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Something asked for does not exist, a check found problems, or the work cannot be done (exit 1). */
    static CliFailure failed(String message) {
        return new CliFailure(ExitCodes.PROBLEMS, message);
    }

    int exitCode() {
        return exitCode;
    }
}
