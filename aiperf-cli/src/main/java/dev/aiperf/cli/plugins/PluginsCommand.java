package dev.aiperf.cli.plugins;

import dev.aiperf.cli.shared.SubcommandClashHint;
import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.plugin.UnknownCategoryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aiperf plugins}: inspect, validate, explain and create plugins, in two shapes that share
 * one implementation: the original's {@code aiperf plugins [<category> [<name>]] [--all] [--validate [PATH]]}
 * and the subcommands ({@code list-plugins}, {@code show}, ...).
 */
@Command(name = "plugins",
        usageHelpAutoWidth = true,
        header = "Inspect, validate and create AIPerf plugins.",
        description = {"A plugin is a jar whose META-INF/aiperf.plugins index points at a plugins.yaml manifest."
                + " AIPerf loads the built-ins plus every jar in --plugins-dir (default: $AIPERF_PLUGINS_DIR,"
                + " else ~/.aiperf/plugins).",
            "",
            "  plugins                    installed packages and categories",
            "  plugins --all              every category with every type",
            "  plugins <category>         a category's types (as list-implementations)",
            "  plugins <category> <name>  one type in detail (as show)",
            "  plugins --validate [PATH]  check all installed, or one manifest or jar",
            "",
            "A word that names a subcommand runs the subcommand: for a category or type named"
                + " like one, use --category/--name or put the words after '--'.",
            ""},
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
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.PROBLEMS_HELP, ExitCodes.USAGE_HELP})
public final class PluginsCommand extends PluginsSubcommand implements SubcommandClashHint {
    /** What {@code --validate} holds when given without a path: check what is installed. */
    private static final String INSTALLED = "<installed>";

    @Parameters(index = "0", arity = "0..1", paramLabel = "<category>",
            description = "A category, e.g. endpoint: lists its types.")
    String categoryArgument;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<name>",
            description = "A type of the category, e.g. chat: shows it in detail.")
    String nameArgument;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "The same as <category>.")
    String categoryOption;

    @Option(names = "--name", paramLabel = "NAME", description = "The same as <name>.")
    String nameOption;

    @Option(names = {"-a", "--all"}, description = "List every category, internal ones too, with every type.")
    boolean all;

    @Option(names = {"-v", "--validate"}, arity = "0..1", paramLabel = "PATH", fallbackValue = INSTALLED,
            description = "Check every installed entry without running plugin code; with a PATH, a plugins.yaml"
                    + " or plugin jar instead.")
    String validate;

    @Mixin
    JsonOption output;

    @Override
    protected int run() throws IOException {
        String category = either("--category", categoryOption, "<category>", categoryArgument);
        String name = either("--name", nameOption, "<name>", nameArgument);
        boolean json = json(output);
        if (validate != null) {
            refuse(all, "--all", "--validate");
            refuse(category != null, "a category", "--validate");
            return validate.equals(INSTALLED) ? InstalledPluginsCheck.run(registry(), out(), json)
                    : ValidateCommand.validate(Path.of(validate), List.of(), this::registry, out(), json);
        }
        if (all) {
            refuse(category != null, "a category", "--all");
            return AllTypesListing.print(registry(), out(), json);
        }
        if (category == null) {
            if (name != null) {
                throw new CliFailure(ExitCodes.USAGE, "--name needs a category: aiperf plugins <category> --name " + name);
            }
            return InstalledOverview.print(registry(), out(), json);
        }
        try {
            return name == null ? ListImplementationsCommand.list(registry(), out(), category, json)
                    : ShowCommand.show(registry(), out(), category, name, json);
        } catch (UnknownCategoryException e) {
            throw unknownCategory(e).orElseThrow(() -> e);
        }
    }

    /**
     * Called by a subcommand before it runs: the overview's own arguments given before the subcommand's
     * name ({@code aiperf plugins --all show ...}) would be silently ignored, so they are a usage error.
     */
    void rejectOverviewArguments(String subcommand) {
        List<String> given = new ArrayList<>();
        if (categoryArgument != null) {
            given.add("'" + categoryArgument + "'");
        }
        if (nameArgument != null) {
            given.add("'" + nameArgument + "'");
        }
        if (categoryOption != null) {
            given.add("--category");
        }
        if (nameOption != null) {
            given.add("--name");
        }
        if (all) {
            given.add("--all");
        }
        if (validate != null) {
            given.add("--validate");
        }
        if (!given.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, String.join(", ", given) + " cannot be combined with the"
                    + " subcommand '" + subcommand + "' (a word that names a subcommand runs it; for a category or"
                    + " type of that name use --category/--name, or put the words after '--')");
        }
    }

    @Override
    public Optional<String> clashHint(String subcommand) {
        if (categoryArgument == null) {
            return Optional.empty();
        }
        return Optional.of("'" + subcommand + "' ran the subcommand of that name; for a type named '" + subcommand
                + "' write: aiperf plugins " + categoryArgument + " --name " + subcommand);
    }

    private static String either(String option, String optionValue, String parameter, String parameterValue) {
        if (optionValue != null && parameterValue != null && !optionValue.equals(parameterValue)) {
            throw new CliFailure(ExitCodes.USAGE, option + " " + optionValue + " and " + parameter + " "
                    + parameterValue + " disagree; give one of them");
        }
        return optionValue != null ? optionValue : parameterValue;
    }

    private static void refuse(boolean present, String what, String with) {
        if (present) {
            throw new CliFailure(ExitCodes.USAGE, what + " cannot be combined with " + with);
        }
    }

    /** A mistyped subcommand lands here as a category: offer the subcommand when no category is close. */
    private Optional<CliFailure> unknownCategory(UnknownCategoryException e) {
        if (e.suggestion().isPresent() || spec.subcommands().containsKey(e.category())) {
            return Optional.empty(); // a subcommand's own name got here only on purpose (after '--')
        }
        return NameSuggestions.closest(e.category(), spec.subcommands().keySet())
                .map(command -> CliFailure.failed("Unknown plugin category '" + e.category() + "'."
                        + " Did you mean the command '" + command + "'? Known categories: "
                        + String.join(", ", e.available()) + "."));
    }
}
