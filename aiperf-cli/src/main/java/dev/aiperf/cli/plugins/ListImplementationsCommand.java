package dev.aiperf.cli.plugins;

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
        List<ImplementationRow> rows = registry().listTypes(category).stream().map(ImplementationRow::of).toList();
        if (output.json) {
            JsonPrinter.print(out(), rows);
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            out().println("No implementations registered in category '" + category + "'.");
            out().flush();
            return ExitCodes.OK;
        }
        TextTable table = TextTable.withHeaders("NAME", "PRIORITY", "PACKAGE", "CLASS", "DESCRIPTION");
        rows.forEach(r -> table.row(r.name(), r.priority(), r.packageName(), r.className(), r.description()));
        table.print(out());
        return ExitCodes.OK;
    }
}
