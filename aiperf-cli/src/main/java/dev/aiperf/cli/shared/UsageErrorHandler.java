package dev.aiperf.cli.shared;

import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.plugin.NameSuggestions.Phrasing;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line picocli cannot parse: one {@code aiperf: error: ...} line saying what is wrong, with
 * a "did you mean" for a mistyped option or command, then where to find help. Exit code 2.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {
    public static final int EXIT_USAGE = 2;
    private static final Pattern UNKNOWN_OPTION = Pattern.compile("Unknown options?: '([^']+)'");
    // What picocli's built-in 'help' command says about a name it does not know.
    private static final Pattern UNKNOWN_HELP_TOPIC = Pattern.compile("Unknown subcommand '([^']+)'");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("aiperf: error: " + describe(ex, cmd));
        clashHint(cmd).ifPresent(hint -> err.println("aiperf: note: " + hint));
        err.println(tryHelp(cmd));
        err.flush();
        return EXIT_USAGE;
    }

    /**
     * A command that only groups others was run without one: says so and prints its usage (which lists
     * them) on stderr. Returns the exit code, 2.
     */
    public static int missingCommand(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("aiperf: error: missing command" + (spec.parent() == null ? "" : " after '" + spec.qualifiedName()
                + "'"));
        spec.commandLine().usage(err);
        err.flush();
        return EXIT_USAGE;
    }

    /** The parent's explanation when a word the user meant as an argument ran this subcommand instead. */
    private static Optional<String> clashHint(CommandLine cmd) {
        CommandLine parent = cmd.getParent();
        return parent != null && parent.getCommand() instanceof SubcommandClashHint clash
                ? clash.clashHint(cmd.getCommandName()) : Optional.empty();
    }

    public static String tryHelp(CommandLine cmd) {
        return "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.";
    }

    private static String describe(ParameterException ex, CommandLine cmd) {
        String message = ex.getMessage();
        Matcher unknownOption = UNKNOWN_OPTION.matcher(message);
        if (unknownOption.find()) {
            // picocli may append a confusing second clause ("Expected parameter for option ..."): the
            // unknown option is the whole story.
            String option = unknownOption.group(1);
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            return "Unknown option: '" + option + "'"
                    + hint(name, cmd.getCommandSpec().optionsMap().keySet(), ex);
        }
        if (ex instanceof UnmatchedArgumentException unmatched && isUnknownCommand(unmatched, cmd)) {
            String command = unmatched.getUnmatched().getFirst();
            return "Unknown command: '" + command + "'" + hint(command, cmd.getSubcommands().keySet(), ex);
        }
        Matcher unknownTopic = UNKNOWN_HELP_TOPIC.matcher(message);
        if (unknownTopic.find()) {
            // Thrown by 'help' on behalf of the command whose subcommands it looked in.
            String command = unknownTopic.group(1);
            return "Unknown command: '" + command + "'" + hint(command, cmd.getSubcommands().keySet(), ex);
        }
        return message;
    }

    /** A word where a command that groups others expects the name of one. */
    private static boolean isUnknownCommand(UnmatchedArgumentException unmatched, CommandLine cmd) {
        List<String> words = unmatched.getUnmatched();
        return !cmd.getSubcommands().isEmpty() && cmd.getCommandSpec().positionalParameters().isEmpty()
                && !words.isEmpty() && !words.getFirst().startsWith("-");
    }

    /** Our closest name, else picocli's own suggestions (it finds more for short typos), else nothing. */
    private static String hint(String typed, Collection<String> valid, ParameterException ex) {
        String ours = NameSuggestions.didYouMean(typed, valid, Phrasing.ASIDE);
        if (!ours.isEmpty() || !(ex instanceof UnmatchedArgumentException unmatched)
                || unmatched.getSuggestions().isEmpty()) {
            return ours;
        }
        return " (did you mean " + String.join(" or ", unmatched.getSuggestions().stream().limit(3)
                .map(s -> "'" + s + "'").toList()) + "?)";
    }
}
