package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.ConflictRule;
import dev.aiperf.plugin.Explanation;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aiperf plugins explain <category> <name>}: why a name resolves to the class it does. */
@Command(name = "explain",
        header = "Explain why a name selects the implementation it does.",
        description = {"Lists every entry that competed for the name, in registration order, and the rule that"
                + " decided each contest. The rules, tried in order:",
            "  PRIORITY                the higher priority wins;",
            "  EXTERNAL_BEATS_BUILTIN  at equal priority, a plugin beats a built-in;",
            "  FIRST_WINS              at equal priority and kind, the first registered stays (with a warning)."})
final class ExplainCommand extends PluginsSubcommand {

    @Parameters(index = "0", paramLabel = "<category>", description = "A category, e.g. endpoint.")
    String category;

    @Parameters(index = "1", paramLabel = "<name>", description = "A registered name.")
    String name;

    @Mixin
    JsonOption output;

    /** One contest as printed: who challenged whom, the rule, and who won. */
    record DecisionRow(String challenger, String incumbent, ConflictRule rule, boolean challengerWon,
                       String description) {
        static DecisionRow of(Explanation.Decision decision) {
            return new DecisionRow(decision.challenger().classPath(), decision.incumbent().classPath(),
                    decision.rule(), decision.challengerWon(), decision.describe());
        }
    }

    /** One competing entry; {@code selected} marks the one a lookup by name returns. */
    record CandidateRow(boolean selected, ImplementationRow entry) {
    }

    /** The explanation as printed. */
    record ExplanationView(String category, String name, ImplementationRow winner, List<CandidateRow> candidates,
                           List<DecisionRow> decisions) {
    }

    @Override
    protected int run() {
        Explanation explanation = registry().explain(category, name);
        ExplanationView view = new ExplanationView(explanation.category(), explanation.name(),
                ImplementationRow.of(explanation.winner()),
                explanation.candidates().stream()
                        .map(c -> new CandidateRow(c == explanation.winner(), ImplementationRow.of(c))).toList(),
                explanation.decisions().stream().map(DecisionRow::of).toList());
        if (json(output)) {
            JsonPrinter.print(out(), view);
        } else {
            print(view);
        }
        return ExitCodes.OK;
    }

    private void print(ExplanationView view) {
        PrintWriter out = out();
        ImplementationRow winner = view.winner();
        out.printf("%s '%s' resolves to %s [%s, priority %d]%n", view.category(), view.name(), winner.className(),
                winner.packageName(), winner.priority());
        out.println();
        out.println("Candidates, in registration order:");
        TextTable candidates = TextTable.withHeaders("", "CLASS", "PACKAGE", "PRIORITY", "KIND", "DECLARED AT");
        for (CandidateRow candidate : view.candidates()) {
            ImplementationRow c = candidate.entry();
            candidates.row(candidate.selected() ? "*" : "", c.className(), c.packageName(), c.priority(),
                    c.builtin() ? "built-in" : "plugin", c.location());
        }
        candidates.print(out);
        out.println();
        if (view.decisions().isEmpty()) {
            out.println("No conflict: only one entry is registered under this name.");
        } else {
            out.println("Decisions:");
            view.decisions().forEach(d -> out.println("  " + d.description()));
        }
        out.flush();
    }
}
