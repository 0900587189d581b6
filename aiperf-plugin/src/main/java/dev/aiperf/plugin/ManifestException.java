package dev.aiperf.plugin;

import java.util.List;

/**
 * A manifest ({@code plugins.yaml}, {@code categories.yaml} or a {@code META-INF} index) is not
 * valid: bad YAML, wrong structure, unknown keys, wrong types, bad typed metadata. The message starts
 * with {@code file:line:column:}; {@link #problems()} holds every problem found, not just the first.
 */
public class ManifestException extends PluginException {
    private final List<ManifestProblem> problems;

    public ManifestException(List<ManifestProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public ManifestException(ManifestProblem problem, Throwable cause) {
        super(message(List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, in file order; never empty. */
    public List<ManifestProblem> problems() {
        return problems;
    }

    /** Where the first problem is. */
    public ManifestLocation location() {
        return problems.getFirst().location();
    }

    /** The manifest file (path or URL). */
    public String file() {
        return location().file();
    }

    /** 1-based line of the first problem, 0 when unknown. */
    public int line() {
        return location().line();
    }

    /** 1-based column of the first problem, 0 when unknown. */
    public int column() {
        return location().column();
    }

    private static String message(List<ManifestProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ManifestException needs at least one problem");
        }
        String first = problems.getFirst().toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problem"
                + (problems.size() == 2 ? "" : "s") + ")";
    }
}
