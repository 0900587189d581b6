/**
 * The {@code aiperf plugins} commands: list, show, explain, validate, schema and new. Each
 * subcommand is one class; {@link dev.aiperf.cli.plugins.PluginsCommand} is the entry point.
 */
package dev.aiperf.cli.plugins;
