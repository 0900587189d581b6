package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.DiscoveryProblem;
import dev.aiperf.plugin.PluginException;
import dev.aiperf.plugin.PluginRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of {@code aiperf plugins} and each of its subcommands: shared options, the registry they read,
 * and errors a user can cause turned into one line on stderr and an exit code (a stack trace only
 * with {@code --verbose}). {@code --plugins-dir}, {@code --verbose} and {@code --json} count whether
 * they stand before or after the subcommand's name.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = dev.aiperf.cli.shared.AiperfVersion.class, sortOptions = false,
        usageHelpAutoWidth = true)
abstract class PluginsSubcommand implements Callable<Integer> {
    // The registry also logs discovery problems; the commands print them once, in their own format.
    // The logger the registry writes to (dev.aiperf.plugin.PluginRegistry); a filter acts only on its own logger.
    private static final Logger REGISTRY_LOG = Logger.getLogger("dev.aiperf.plugin.PluginRegistry");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    private PluginRegistry registry;

    /** Does the work and returns the exit code; throws {@link CliFailure} for user errors. */
    protected abstract int run() throws IOException;

    @Override
    public final Integer call() {
        try {
            group().ifPresent(group -> group.rejectOverviewArguments(spec.name()));
            return run();
        } catch (CliFailure e) {
            return fail(e.exitCode(), e.getMessage(), e);
        } catch (PluginException e) {
            return fail(ExitCodes.PROBLEMS, e.getMessage(), e);
        } catch (IOException e) {
            return fail(ExitCodes.PROBLEMS, describe(e), e);
        } catch (UncheckedIOException e) {
            return fail(ExitCodes.PROBLEMS, describe(e.getCause()), e);
        } finally {
            closeRegistry();
        }
    }

    /**
     * The built-ins plus every jar of the plugins directory, discovered; discovery problems (a jar
     * without index, a broken manifest: the plugin is skipped) are printed to stderr as warnings.
     */
    protected final PluginRegistry registry() {
        if (registry == null) {
            // Problems are printed below; the registry's other lines (the discovery summary at INFO)
            // go to the usual handler, which shows them with --verbose.
            REGISTRY_LOG.setFilter(record -> record.getLevel().intValue() < Level.WARNING.intValue());
            registry = PluginRegistry.builder().pluginsDir(pluginsDir()).build();
            for (DiscoveryProblem problem : registry.discoverPlugins()) {
                // The same line a broken plugin gives in every command (see dev.aiperf.cli.ConsoleLogging).
                err().println("aiperf: warning: " + problem.describe());
            }
            err().flush();
        }
        return registry;
    }

    /** {@code --plugins-dir} (or $AIPERF_PLUGINS_DIR), which must exist; else {@code ~/.aiperf/plugins} if present. */
    protected final Path pluginsDir() {
        Path given = pluginsDirOption();
        if (given == null) {
            return PluginRegistry.defaultPluginsDir();
        }
        if (!Files.isDirectory(given)) {
            throw CliFailure.failed("--plugins-dir " + given + " is not a directory");
        }
        return given;
    }

    /** {@code --plugins-dir} as given here or before the subcommand's name, else $AIPERF_PLUGINS_DIR; may be null. */
    protected final Path pluginsDirOption() {
        return common.pluginsDir != null ? common.pluginsDir
                : group().map(group -> group.common.pluginsDir).orElse(null);
    }

    /** {@code --json} as given here or before the subcommand's name. */
    protected final boolean json(JsonOption own) {
        return own.json || group().map(group -> group.output.json).orElse(false);
    }

    /** The {@code aiperf plugins} command when this is one of its subcommands. */
    private Optional<PluginsCommand> group() {
        CommandSpec parent = spec.parent();
        return parent != null && parent.userObject() instanceof PluginsCommand group && group != this
                ? Optional.of(group) : Optional.empty();
    }

    private boolean verbose() {
        return common.verbose || group().map(group -> group.common.verbose).orElse(false);
    }

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private int fail(int exitCode, String message, Exception cause) {
        PrintWriter err = err();
        err.println("aiperf: error: " + message);
        if (verbose()) {
            cause.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    private void closeRegistry() {
        if (registry != null) {
            try {
                registry.close();
            } catch (IOException ignored) {
                // The process is about to exit; an unclosed jar handle is harmless.
            }
            registry = null;
        }
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            default -> e.getClass().getSimpleName() + ": " + e.getMessage();
        };
    }
}
