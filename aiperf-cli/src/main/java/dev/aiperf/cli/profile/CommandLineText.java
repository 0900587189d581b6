package dev.aiperf.cli.profile;

import dev.aiperf.export.Redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command as typed, for the exports: shell-quoted where needed, secrets replaced ({@code --api-key},
 * credential-bearing {@code -H} values, URL user-info; the run's {@link Redaction} later also removes
 * any other copy of a secret).
 */
final class CommandLineText {
    private static final Set<String> SECRET_OPTIONS = Set.of("--api-key");
    private static final Set<String> HEADER_OPTIONS = Set.of("--header", "-H");
    static final String REDACTED = Redaction.REDACTED;

    private CommandLineText() {
    }

    static String of(String command, List<String> args) {
        List<String> words = new ArrayList<>();
        words.add(command);
        boolean hideNext = false;
        boolean hideHeaderValues = false;
        for (String arg : args) {
            if (hideNext) {
                words.add(REDACTED);
                hideNext = false;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (SECRET_OPTIONS.contains(name)) {
                if (eq > 0) {
                    words.add(name + "=" + REDACTED);
                } else {
                    words.add(arg);
                    hideNext = true;
                }
                continue;
            }
            if (hideHeaderValues) {
                arg = headerArgument(arg);
            }
            hideHeaderValues = HEADER_OPTIONS.contains(arg) || (hideHeaderValues && !arg.startsWith("-"));
            words.add(quote(Redaction.url(headerOption(arg))));
        }
        return String.join(" ", words);
    }

    /** {@code --header=k:v} and {@code -Hk:v}: the option with its value's credentials redacted. */
    private static String headerOption(String arg) {
        if (arg.startsWith("--header=")) {
            return "--header=" + headerArgument(arg.substring("--header=".length()));
        }
        if (arg.startsWith("-H") && arg.length() > 2) {
            return "-H" + headerArgument(arg.substring(2));
        }
        return arg;
    }

    /**
     * A {@code key:value[,key:value]} header argument with the values of credential-bearing headers
     * redacted. A JSON object is left to the literal redaction of the finished command line.
     */
    private static String headerArgument(String value) {
        if (value.strip().startsWith("{") || value.startsWith("-")) {
            return value;
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            int colon = part.indexOf(':');
            parts.add(colon > 0 && Redaction.isSecretHeader(part.substring(0, colon))
                    ? part.substring(0, colon + 1) + Redaction.REDACTED : part);
        }
        return String.join(",", parts);
    }

    private static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=,+@%".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
