package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code aiperf plugins --all}: every category, internal ones included, with the names registered
 * in it; {@code --json} gives each name's full row as {@code list-implementations} does.
 */
final class AllTypesListing {

    /** One category and its types as {@code --json} prints them. */
    record CategoryTypes(ListCategoriesCommand.CategoryRow category, List<ImplementationRow> types) {
    }

    private AllTypesListing() {
    }

    static int print(PluginRegistry registry, PrintWriter out, boolean json) {
        List<CategoryTypes> all = registry.listCategories(true).stream()
                .map(name -> new CategoryTypes(ListCategoriesCommand.row(registry, registry.getCategoryMetadata(name)),
                        registry.listTypes(name).stream().map(ImplementationRow::of).toList()))
                .toList();
        if (json) {
            JsonPrinter.print(out, all);
            return ExitCodes.OK;
        }
        TextTable table = TextTable.withHeaders("CATEGORY", "INTERFACE", "TYPES");
        for (CategoryTypes c : all) {
            String names = c.types().isEmpty() ? "(none)"
                    : String.join(", ", c.types().stream().map(ImplementationRow::name).toList());
            table.row(c.category().name() + (c.category().internal() ? " (internal)" : ""), c.category().protocol(),
                    names);
        }
        table.print(out);
        return ExitCodes.OK;
    }
}
