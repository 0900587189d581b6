package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.PluginSchemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aiperf plugins schema}: the JSON Schema of plugins.yaml (or categories.yaml), for editors and CI. */
@Command(name = "schema",
        header = "Print the JSON Schema of plugins.yaml (or categories.yaml).",
        description = "Prints the JSON Schema (draft 2020-12) of plugins.yaml, or of categories.yaml with"
                + " --categories. Save it and point your editor at it, e.g. with a first line"
                + " '# yaml-language-server: $schema=plugins.schema.json' in the manifest.")
final class SchemaCommand extends PluginsSubcommand {

    @Option(names = "--categories", description = "Print the schema of categories.yaml instead.")
    boolean categories;

    @Override
    protected int run() {
        String schema = categories ? PluginSchemas.categoriesSchema() : PluginSchemas.pluginsSchema();
        out().print(schema.endsWith("\n") ? schema : schema + "\n");
        out().flush();
        return ExitCodes.OK;
    }
}
