package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.PackageMetadata;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.TypeEntry;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aiperf plugins list-plugins}: every loaded plugin package, the built-ins first. */
@Command(name = "list-plugins",
        header = "List the loaded plugin packages.",
        description = "Lists the built-in package 'aiperf' and every plugin package found in plugin jars, with"
                + " version, number of registered types and where the manifest was read from. Jars that could not"
                + " be loaded are reported on stderr.")
final class ListPluginsCommand extends PluginsSubcommand {

    @Mixin
    JsonOption output;

    /** One package as printed. */
    record PackageRow(String name, String version, boolean builtin, int types, String description, String author,
                      String license, String source) {
    }

    @Override
    protected int run() {
        List<PackageRow> rows = rows(registry());
        if (json(output)) {
            JsonPrinter.print(out(), rows);
        } else {
            print(out(), rows);
        }
        return ExitCodes.OK;
    }

    /** Every loaded package, the built-ins first (also {@code aiperf plugins} alone). */
    static List<PackageRow> rows(PluginRegistry registry) {
        return registry.listPackages(false).stream().map(name -> row(registry, registry.getPackageMetadata(name)))
                .toList();
    }

    static void print(PrintWriter out, List<PackageRow> rows) {
        TextTable table = TextTable.withHeaders("PACKAGE", "VERSION", "TYPES", "DESCRIPTION", "SOURCE");
        rows.forEach(r -> table.row(r.name(), r.version(), r.types(), r.description(), r.source()));
        table.print(out);
    }

    private static PackageRow row(PluginRegistry registry, PackageMetadata pkg) {
        int types = (int) registry.allEntries().stream().map(TypeEntry::packageName).filter(pkg.name()::equals).count();
        return new PackageRow(pkg.name(), pkg.version(), pkg.isBuiltin(), types, pkg.description(), pkg.author(),
                pkg.license(), pkg.source());
    }
}
