package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.PackageMetadata;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;
import dev.aiperf.plugin.ValidationResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aiperf plugins show <category> <name>}: everything known about one implementation. */
@Command(name = "show",
        header = "Show one implementation in detail.",
        description = {"Shows the class, interface, package, priority, metadata and declaration site of the"
                + " implementation a name selects, and how many other entries competed for the name.",
            "The class is checked by reading its class file (never loaded or run): 'implements' is printed only"
                + " when the class really implements the category's interface; otherwise the problem is printed"
                + " and the exit code is 1."})
final class ShowCommand extends PluginsSubcommand {

    @Parameters(index = "0", paramLabel = "<category>", description = "A category, e.g. endpoint.")
    String category;

    @Parameters(index = "1", paramLabel = "<name>", description = "A registered name, or a registered class name.")
    String name;

    @Mixin
    JsonOption output;

    /**
     * The implementation, its package and category, and how many entries competed for its name.
     *
     * @param protocol   the interface the category requires (null when it requires none)
     * @param classValid whether the class file check passed: public, concrete, implements {@code protocol},
     *                   metadata fits the category
     * @param problem    what the check found wrong, or null
     */
    record Details(ImplementationRow implementation, String packageVersion, String protocol, boolean classValid,
                   String problem, int competitors) {
    }

    @Override
    protected int run() {
        return show(registry(), out(), category, name, json(output));
    }

    /** One type in detail (also {@code aiperf plugins <category> <name>}); exit 1 when its class fails the check. */
    static int show(PluginRegistry registry, PrintWriter out, String category, String name, boolean json) {
        TypeEntry entry = registry.getType(category, name);
        PackageMetadata pkg = registry.getPackageMetadata(entry.packageName());
        int competitors = registry.explain(entry.category(), entry.name()).candidates().size() - 1;
        // Reads the class file through the entry's class loader: nothing is loaded or initialised.
        ValidationResult check = entry.validate(true);
        // An open category (opened by its first entry) requires no interface: nothing to claim.
        String protocol = entry.categoryMetadata().hasProtocol() ? entry.categoryMetadata().protocol() : null;
        Details details = new Details(ImplementationRow.of(entry), pkg.version(), protocol, check.valid(),
                check.error(), competitors);
        if (json) {
            JsonPrinter.print(out, details);
        } else {
            print(out, details);
        }
        return check.valid() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static void print(PrintWriter out, Details details) {
        ImplementationRow row = details.implementation();
        out.println(row.category() + " '" + row.name() + "'");
        line(out, "class", row.className());
        if (details.protocol() == null) {
            line(out, "interface", "(the category requires none)");
        } else if (details.classValid()) {
            line(out, "implements", details.protocol());
        } else {
            // Never claim what the class file does not show.
            line(out, "requires", details.protocol() + " (the category's interface)");
        }
        if (details.problem() != null) {
            line(out, "problem", details.problem());
        }
        line(out, "package", (row.packageName() + " " + details.packageVersion()).strip()
                + (row.builtin() ? " (built-in)" : ""));
        line(out, "priority", Integer.toString(row.priority()));
        line(out, "description", row.description());
        line(out, "declared at", row.location());
        if (row.metadata().isEmpty()) {
            line(out, "metadata", "(none)");
        } else {
            out.println("  metadata:");
            printMetadata(out, row.metadata(), "    ");
        }
        if (details.competitors() > 0) {
            line(out, "competitors", details.competitors() + " other entr" + (details.competitors() == 1 ? "y" : "ies")
                    + "; see: aiperf plugins explain " + row.category() + " " + row.name());
        }
        out.flush();
    }

    private static void line(PrintWriter out, String key, String value) {
        out.printf("  %-12s %s%n", key + ":", value);
    }

    private static void printMetadata(PrintWriter out, Map<?, ?> metadata, String indent) {
        for (var field : metadata.entrySet()) {
            if (field.getValue() instanceof Map<?, ?> nested) {
                out.println(indent + field.getKey() + ":");
                printMetadata(out, nested, indent + "  ");
            } else {
                out.println(indent + field.getKey() + ": " + format(field.getValue()));
            }
        }
    }

    private static String format(Object value) {
        return value instanceof List<?> list ? list.toString() : String.valueOf(value);
    }
}
