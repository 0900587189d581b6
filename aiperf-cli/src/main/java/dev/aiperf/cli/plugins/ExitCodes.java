package dev.aiperf.cli.plugins;

/** The exit codes of {@code aiperf plugins}, which scripts may rely on. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;
    /** Validation found problems, or the category, name or file asked for does not exist. */
    static final int PROBLEMS = 1;
    /** The command line itself was wrong (unknown option, missing argument); picocli's default. */
    static final int USAGE = 2;

    // The "Exit codes" section of every plugins command's help (annotation values must be constants).
    static final String OK_HELP = "0:Success.";
    static final String PROBLEMS_HELP = "1:Validation found problems, or what was asked for does not exist.";
    static final String USAGE_HELP = "2:Usage error: unknown option, missing or invalid argument.";

    private ExitCodes() {
    }
}
