package dev.aiperf.cli.plugins;

import dev.aiperf.plugin.Explanation;
import dev.aiperf.plugin.ManifestProblem;
import dev.aiperf.plugin.ManifestReport;
import dev.aiperf.plugin.ManifestValidator;
import dev.aiperf.plugin.PluginException;
import dev.aiperf.plugin.PluginRegistry;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aiperf plugins validate [<plugins.yaml | plugin.jar>]}: checks a manifest (or, without one,
 * every installed entry; see {@link InstalledPluginsCheck}) without running
 * any plugin code, then tells how its names would fare against what is already installed.
 */
@Command(name = "validate",
        header = "Validate a plugin manifest without running plugin code.",
        description = {"Checks a plugins.yaml (or every manifest a plugin jar lists): YAML syntax and structure"
                + " (with line and column), that each category exists, that each class exists, is public and"
                + " concrete and implements the category's interface (class files are read, never loaded), and"
                + " that metadata fits the category. Then notes which names would override, or lose to, an"
                + " implementation already installed (built-ins and --plugins-dir).",
            "Without a file, checks every installed entry the same way (built-ins and --plugins-dir) and"
                + " reports plugin jars that could not be loaded."})
final class ValidateCommand extends PluginsSubcommand {

    @Parameters(paramLabel = "<manifest>", arity = "0..1",
            description = "A plugins.yaml file, or a plugin jar. Without it: every installed entry is checked.")
    Path manifest;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATHS",
            description = "Jars or class folders holding the manifest's classes, separated by the platform's"
                    + " path separator (':' or ';'); repeatable. Not needed to validate a jar.")
    List<String> classPath = new ArrayList<>();

    @Mixin
    JsonOption output;

    /** One problem as printed. */
    record ProblemRow(String severity, ManifestProblem.Kind kind, String file, int line, int column, String category,
                      String name, String message) {
        static ProblemRow of(ManifestProblem p) {
            return new ProblemRow(p.severity().name().toLowerCase(Locale.ROOT), p.kind(), p.location().file(),
                    p.location().line(), p.location().column(), p.category(), p.name(), p.message());
        }
    }

    /** One manifest's result as printed. */
    record ReportRow(String file, String packageName, int entries, boolean valid, List<ProblemRow> problems) {
        static ReportRow of(ManifestReport report) {
            return new ReportRow(report.file(), report.packageName(), report.entries(), report.valid(),
                    report.problems().stream().map(ProblemRow::of).toList());
        }
    }

    /** The whole result: valid only when every manifest is. */
    record Result(boolean valid, List<ReportRow> manifests, List<String> notes) {
    }

    @Override
    protected int run() throws IOException {
        if (manifest == null) {
            if (!classPath.isEmpty()) {
                throw new CliFailure(ExitCodes.USAGE, "--classpath needs a <manifest> to validate");
            }
            return InstalledPluginsCheck.run(registry(), out(), json(output));
        }
        return validate(manifest, classPath, this::registry, out(), json(output));
    }

    /**
     * Validates a manifest or a plugin jar (also {@code aiperf plugins --validate <path>}), then compares
     * its names with what is installed.
     */
    static int validate(Path manifest, List<String> classPath, Supplier<PluginRegistry> installed, PrintWriter out,
                        boolean json) throws IOException {
        if (!Files.exists(manifest)) {
            throw CliFailure.failed("no such file: " + manifest);
        }
        List<Path> entries = classPathEntries(classPath);
        List<ManifestReport> reports = validate(manifest, entries);
        boolean valid = reports.stream().allMatch(ManifestReport::valid);
        List<String> notes = valid && !isJar(manifest)
                ? conflictNotes(manifest, reports.getFirst(), installed.get()) : List.of();
        Result result = new Result(valid, reports.stream().map(ReportRow::of).toList(), notes);
        if (json) {
            JsonPrinter.print(out, result);
        } else {
            print(out, result);
        }
        return valid ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static List<ManifestReport> validate(Path manifest, List<Path> entries) throws IOException {
        if (!isJar(manifest)) {
            return List.of(ManifestValidator.create().validate(manifest, entries));
        }
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader extra = new URLClassLoader("aiperf-validate-classpath", urls(entries), parent)) {
            return ManifestValidator.using(extra).validateJar(manifest);
        }
    }

    private static boolean isJar(Path manifest) {
        return manifest.getFileName().toString().endsWith(".jar");
    }

    private static List<Path> classPathEntries(List<String> classPath) {
        List<Path> entries = new ArrayList<>();
        for (String option : classPath) {
            for (String part : option.split(File.pathSeparator)) {
                if (part.isBlank()) {
                    continue;
                }
                Path entry = Path.of(part.strip());
                if (!Files.exists(entry)) {
                    throw CliFailure.failed("--classpath entry " + entry + " does not exist");
                }
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * Registers the manifest into a registry of what is installed (classes are not loaded) and reports
     * every contest its names take part in against another package.
     */
    private static List<String> conflictNotes(Path manifest, ManifestReport report, PluginRegistry registry) {
        String packageName = report.packageName();
        if (packageName == null) {
            return List.of();
        }
        try {
            registry.loadRegistry(manifest);
        } catch (PluginException e) {
            return List.of("cannot compare with the installed plugins: " + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        for (Explanation explanation : registry.conflicts()) {
            for (Explanation.Decision d : explanation.decisions()) {
                boolean ours = d.challenger().packageName().equals(packageName);
                boolean theirs = d.incumbent().packageName().equals(packageName);
                if (ours != theirs) {
                    notes.add(explanation.category() + " '" + explanation.name() + "': " + d.describe());
                }
            }
        }
        return notes;
    }

    private static void print(PrintWriter out, Result result) {
        for (ReportRow report : result.manifests()) {
            for (ProblemRow p : report.problems()) {
                String where = p.line() > 0 ? p.file() + ":" + p.line() + ":" + p.column() : p.file();
                out.println(where + ": " + p.severity() + ": " + p.message());
            }
            out.println(report.file() + ": " + summary(report));
        }
        result.notes().forEach(note -> out.println("note: " + note));
        out.flush();
    }

    private static String summary(ReportRow report) {
        long errors = report.problems().stream().filter(p -> p.severity().equals("error")).count();
        long warnings = report.problems().size() - errors;
        String what = (report.packageName() == null ? "" : "package " + report.packageName() + ", ")
                + report.entries() + (report.entries() == 1 ? " entry" : " entries");
        if (errors == 0) {
            return "valid (" + what + (warnings == 0 ? "" : ", " + plural(warnings, "warning")) + ")";
        }
        return "invalid: " + plural(errors, "error") + (warnings == 0 ? "" : ", " + plural(warnings, "warning"))
                + " (" + what + ")";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static URL[] urls(List<Path> entries) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            urls.add(entry.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
