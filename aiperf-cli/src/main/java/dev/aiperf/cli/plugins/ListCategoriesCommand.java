package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.CategoryMetadata;
import dev.aiperf.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aiperf plugins list-categories}: every category and the interface its plugins implement. */
@Command(name = "list-categories",
        header = "List the plugin categories and the interface each requires.",
        description = "Lists every plugin category, the Java interface its implementations must implement and how"
                + " many implementations are registered.")
final class ListCategoriesCommand extends PluginsSubcommand {

    @Mixin
    JsonOption output;

    @Option(names = "--all", description = "Include internal categories.")
    boolean includeInternal;

    /** One category as printed. */
    record CategoryRow(String name, String protocol, String metadataClass, String enumClass, String description,
                       boolean internal, int types, String source) {
    }

    @Override
    protected int run() {
        List<CategoryRow> rows = rows(registry(), includeInternal);
        if (json(output)) {
            JsonPrinter.print(out(), rows);
        } else {
            print(out(), rows);
        }
        return ExitCodes.OK;
    }

    /** The categories, internal ones only when asked for (also {@code aiperf plugins} alone). */
    static List<CategoryRow> rows(PluginRegistry registry, boolean includeInternal) {
        return registry.listCategories(includeInternal).stream()
                .map(name -> row(registry, registry.getCategoryMetadata(name))).toList();
    }

    static void print(PrintWriter out, List<CategoryRow> rows) {
        TextTable table = TextTable.withHeaders("CATEGORY", "TYPES", "INTERFACE", "DESCRIPTION");
        rows.forEach(r -> table.row(r.name(), r.types(), r.protocol(), r.description()));
        table.print(out);
    }

    static CategoryRow row(PluginRegistry registry, CategoryMetadata category) {
        return new CategoryRow(category.name(), category.protocol(), category.metadataClass(), category.enumName(),
                category.description(), category.internal(), registry.listTypes(category.name()).size(),
                category.source().toString());
    }
}
