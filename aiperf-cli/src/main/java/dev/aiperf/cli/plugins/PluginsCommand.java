package dev.aiperf.cli.plugins;

import dev.aiperf.cli.shared.UsageErrorHandler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aiperf plugins}: inspect, validate, explain and create plugins. */
@Command(name = "plugins",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = dev.aiperf.cli.shared.AiperfVersion.class,
        header = "Inspect, validate and create AIPerf plugins.",
        description = "A plugin is a jar whose META-INF/aiperf.plugins index points at a plugins.yaml manifest."
                + " AIPerf loads the built-ins plus every jar in --plugins-dir (default: $AIPERF_PLUGINS_DIR,"
                + " else ~/.aiperf/plugins). Every subcommand takes --plugins-dir; the listing ones take --json.",
        subcommands = {
            ListPluginsCommand.class,
            ListCategoriesCommand.class,
            ListImplementationsCommand.class,
            ShowCommand.class,
            ExplainCommand.class,
            ValidateCommand.class,
            SchemaCommand.class,
            NewPluginCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.PROBLEMS_HELP, ExitCodes.GROUP_USAGE_HELP})
public final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: a usage error that shows the usage. */
    @Override
    public Integer call() {
        return UsageErrorHandler.missingCommand(spec);
    }
}
