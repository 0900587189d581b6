package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.DiscoveryProblem;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Severity;
import dev.aiperf.plugin.ValidationResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * Checks everything installed (built-ins and the plugins directory) without running plugin code:
 * every registered entry, conflict losers too, by reading its class file, and every plugin jar that
 * could not be loaded. Behind {@code aiperf plugins validate} and {@code aiperf plugins --validate}
 * without a file.
 */
final class InstalledPluginsCheck {

    /** One entry that failed as printed. */
    record EntryProblem(String category, String name, String packageName, String className, String error) {
        static EntryProblem of(ValidationResult result) {
            return new EntryProblem(result.category(), result.name(), result.packageName(), result.classPath(),
                    result.error());
        }
    }

    /** The whole result: valid when every entry passed and no plugin was skipped. */
    record Result(boolean valid, int entries, int packages, List<EntryProblem> problems, List<String> skipped) {
    }

    private InstalledPluginsCheck() {
    }

    static int run(PluginRegistry registry, PrintWriter out, boolean json) {
        List<ValidationResult> results = registry.validateAll(true);
        List<EntryProblem> problems = results.stream().filter(r -> !r.valid()).map(EntryProblem::of).toList();
        List<String> skipped = registry.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                .map(DiscoveryProblem::describe).toList();
        Result result = new Result(problems.isEmpty() && skipped.isEmpty(), results.size(),
                registry.listPackages(false).size(), problems, skipped);
        if (json) {
            JsonPrinter.print(out, result);
        } else {
            print(out, result);
        }
        return result.valid() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static void print(PrintWriter out, Result result) {
        for (EntryProblem p : result.problems()) {
            out.println(p.category() + ":" + p.name() + " (" + p.packageName() + ", " + p.className() + "): error: "
                    + p.error());
        }
        result.skipped().forEach(s -> out.println("skipped plugin: " + s));
        String checked = result.entries() + (result.entries() == 1 ? " entry" : " entries") + " in "
                + result.packages() + (result.packages() == 1 ? " package" : " packages");
        if (result.valid()) {
            out.println("installed plugins: valid (" + checked + ")");
        } else {
            int count = result.problems().size() + result.skipped().size();
            out.println("installed plugins: invalid: " + count + (count == 1 ? " problem" : " problems") + " ("
                    + checked + ")");
        }
        out.flush();
    }
}
