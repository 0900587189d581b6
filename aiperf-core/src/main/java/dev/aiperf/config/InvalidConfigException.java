package dev.aiperf.config;

import java.util.List;

/**
 * The settings do not make a valid run: every problem found, each one line naming the option and what would be
 * valid. The CLI shows them as usage errors (exit 2); a library user gets them here.
 */
public final class InvalidConfigException extends RuntimeException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order the rules found them (spec §1.4). */
    public List<String> problems() {
        return problems;
    }
}
