package dev.aiperf.cli.profile;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line picocli cannot parse: one {@code aiperf: error: ...} line with picocli's message,
 * a "did you mean" for a mistyped option, and where to find help. Exit code 2.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {
    public static final int EXIT_USAGE = 2;
    private static final Pattern UNKNOWN_OPTION = Pattern.compile("Unknown options?: '([^']+)'");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = ex.getMessage();
        Matcher unknown = UNKNOWN_OPTION.matcher(message);
        if (unknown.find()) {
            // picocli may append a confusing second clause ("Expected parameter for option ..."): the
            // unknown option is the whole story.
            String option = unknown.group(1);
            message = "Unknown option: '" + option + "'" + hint(option, cmd, ex);
        } else if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += suggestionText(unmatched.getSuggestions());
        }
        err.println("aiperf: error: " + message);
        err.println(tryHelp(cmd));
        err.flush();
        return EXIT_USAGE;
    }

    private static String hint(String option, CommandLine cmd, ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return suggestionText(unmatched.getSuggestions());
        }
        String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        Set<String> names = cmd.getCommandSpec().optionsMap().keySet();
        return Suggestions.closest(name, names).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    private static String suggestionText(List<String> suggestions) {
        return " (did you mean " + String.join(" or ", suggestions.stream().limit(3).map(s -> "'" + s + "'").toList())
                + "?)";
    }

    static String tryHelp(CommandLine cmd) {
        return "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.";
    }
}
