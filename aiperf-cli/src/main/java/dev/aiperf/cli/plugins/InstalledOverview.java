package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code aiperf plugins} alone: the installed packages, then the categories, then where to look
 * next. The same rows as {@code list-plugins} and {@code list-categories}.
 */
final class InstalledOverview {

    /** The overview as {@code --json} prints it. */
    record Overview(List<ListPluginsCommand.PackageRow> packages, List<ListCategoriesCommand.CategoryRow> categories) {
    }

    private InstalledOverview() {
    }

    static int print(PluginRegistry registry, PrintWriter out, boolean json) {
        Overview overview = new Overview(ListPluginsCommand.rows(registry), ListCategoriesCommand.rows(registry, false));
        if (json) {
            JsonPrinter.print(out, overview);
            return ExitCodes.OK;
        }
        ListPluginsCommand.print(out, overview.packages());
        out.println();
        ListCategoriesCommand.print(out, overview.categories());
        out.println();
        out.println("Next: 'aiperf plugins <category>' lists a category's types, 'aiperf plugins <category> <name>'"
                + " shows one, 'aiperf plugins --all' lists everything, 'aiperf plugins --validate' checks it all.");
        out.flush();
        return ExitCodes.OK;
    }
}
