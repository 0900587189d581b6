package dev.aiperf.cli.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The command as typed, for the exports: shell-quoted where needed, secrets replaced. */
final class CommandLineText {
    private static final Set<String> SECRET_OPTIONS = Set.of("--api-key");
    static final String REDACTED = "<redacted>";

    private CommandLineText() {
    }

    static String of(String command, List<String> args) {
        List<String> words = new ArrayList<>();
        words.add(command);
        boolean hideNext = false;
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
            words.add(quote(arg));
        }
        return String.join(" ", words);
    }

    private static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=,+@%".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
