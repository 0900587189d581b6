package dev.aiperf.cli.plugins;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Options every {@code aiperf plugins} subcommand takes, and the exit codes its help lists. */
@Command(exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.PROBLEMS_HELP, ExitCodes.USAGE_HELP})
final class CommonOptions {

    @Option(names = "--plugins-dir", paramLabel = "DIR", defaultValue = "${env:AIPERF_PLUGINS_DIR}",
            description = "Folder of plugin jars to load besides the built-ins, each jar in its own class loader "
                    + "(default: $AIPERF_PLUGINS_DIR, else ~/.aiperf/plugins).")
    Path pluginsDir;

    @Option(names = "--verbose", description = "Show stack traces of errors, and every log message with its source.")
    boolean verbose;
}
