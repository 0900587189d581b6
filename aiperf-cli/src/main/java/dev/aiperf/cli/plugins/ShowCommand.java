package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.CategoryMetadata;
import dev.aiperf.plugin.PackageMetadata;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aiperf plugins show <category> <name>}: everything known about one implementation. */
@Command(name = "show",
        header = "Show one implementation in detail.",
        description = "Shows the class, interface, package, priority, metadata and declaration site of the"
                + " implementation a name selects, and how many other entries competed for the name.")
final class ShowCommand extends PluginsSubcommand {

    @Parameters(index = "0", paramLabel = "<category>", description = "A category, e.g. endpoint.")
    String category;

    @Parameters(index = "1", paramLabel = "<name>", description = "A registered name, or a registered class name.")
    String name;

    @Mixin
    JsonOption output;

    /** The implementation, its package and category, and how many entries competed for its name. */
    record Details(ImplementationRow implementation, String packageVersion, String protocol, int competitors) {
    }

    @Override
    protected int run() {
        PluginRegistry registry = registry();
        TypeEntry entry = registry.getType(category, name);
        PackageMetadata pkg = registry.getPackageMetadata(entry.packageName());
        CategoryMetadata categoryMetadata = entry.categoryMetadata();
        int competitors = registry.explain(entry.category(), entry.name()).candidates().size() - 1;
        Details details = new Details(ImplementationRow.of(entry), pkg.version(), categoryMetadata.protocol(),
                competitors);
        if (output.json) {
            JsonPrinter.print(out(), details);
        } else {
            print(details);
        }
        return ExitCodes.OK;
    }

    private void print(Details details) {
        ImplementationRow row = details.implementation();
        PrintWriter out = out();
        out.println(row.category() + " '" + row.name() + "'");
        line(out, "class", row.className());
        line(out, "implements", details.protocol());
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
