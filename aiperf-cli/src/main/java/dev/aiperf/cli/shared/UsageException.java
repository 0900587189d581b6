package dev.aiperf.cli.shared;

import java.util.List;

/** The command line is wrong: every problem found, each one line naming the flag and what would be valid. */
public final class UsageException extends RuntimeException {
    private final List<String> problems;

    public UsageException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public UsageException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
