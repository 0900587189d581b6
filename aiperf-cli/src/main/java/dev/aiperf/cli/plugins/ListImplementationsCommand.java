package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aiperf plugins list-implementations <category>}: the implementation each name selects. */
@Command(name = "list-implementations",
        header = "List the implementations registered in a category.",
        description = "Lists, for each name in the category, the implementation a lookup selects (the conflict"
                + " winner; 'explain' shows the others) with its priority, package and class.")
final class ListImplementationsCommand extends PluginsSubcommand {

    @Parameters(paramLabel = "<category>", description = "A category, e.g. endpoint (see list-categories).")
    String category;

    @Mixin
    JsonOption output;

    @Override
    protected int run() {
        return list(registry(), out(), category, json(output));
    }

    /** The implementation each name of the category selects (also {@code aiperf plugins <category>}). */
    static int list(PluginRegistry registry, PrintWriter out, String category, boolean json) {
        List<ImplementationRow> rows = registry.listTypes(category).stream().map(ImplementationRow::of).toList();
        if (json) {
            JsonPrinter.print(out, rows);
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            out.println("No implementations registered in category '" + category + "'.");
            out.flush();
            return ExitCodes.OK;
        }
        TextTable table = TextTable.withHeaders("NAME", "PRIORITY", "PACKAGE", "CLASS", "DESCRIPTION");
        rows.forEach(r -> table.row(r.name(), r.priority(), r.packageName(), r.className(), r.description()));
        table.print(out);
        return ExitCodes.OK;
    }
}
