package dev.aiperf.plugin;

import dev.aiperf.plugin.internal.CategoriesParser;
import dev.aiperf.plugin.internal.ClassFileInspector;
import dev.aiperf.plugin.internal.IndexFile;
import dev.aiperf.plugin.internal.ManifestParser;
import dev.aiperf.plugin.internal.MetadataMapper;
import dev.aiperf.plugin.internal.ParsedEntry;
import dev.aiperf.plugin.internal.ParsedManifest;
import dev.aiperf.plugin.internal.PluginDiscovery;
import dev.aiperf.plugin.internal.PluginSource;
import dev.aiperf.plugin.internal.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks a plugin manifest without running any plugin code, for {@code aiperf plugins validate}:
 * structure (the same rules as {@code plugins.schema.json}, with line and column), categories,
 * each class (read with ASM: exists, public, concrete, implements the protocol) and each entry's
 * metadata against its category's metadata class.
 *
 * <p>Categories come from the {@code META-INF/aiperf.categories} indexes visible to the parent class
 * loader plus those in the extra class path.
 */
public final class ManifestValidator {
    private final ClassLoader parent;

    private ManifestValidator(ClassLoader parent) {
        this.parent = Objects.requireNonNull(parent, "parent");
    }

    /** A validator whose categories and protocols come from the current thread's class path. */
    public static ManifestValidator create() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return new ManifestValidator(context != null ? context : ManifestValidator.class.getClassLoader());
    }

    /** A validator whose categories and protocols come from the given class loader. */
    public static ManifestValidator using(ClassLoader parent) {
        return new ManifestValidator(parent);
    }

    /**
     * Validates a {@code plugins.yaml}; its classes are looked up in {@code classPath} (jars or
     * directories) and then the parent class loader.
     */
    public ManifestReport validate(Path manifest, List<Path> classPath) {
        String text;
        try {
            text = PluginDiscovery.read(manifest);
        } catch (java.io.UncheckedIOException e) {
            return unreadable(manifest.toString(), e.getCause());
        }
        try (URLClassLoader loader = new URLClassLoader("aiperf-validate", urls(classPath), parent)) {
            return validate(text, manifest.toString(), loader, manifest.toAbsolutePath().normalize().toString());
        } catch (IOException e) {
            return unreadable(manifest.toString(), e);
        }
    }

    /** Validates every manifest a plugin jar lists in its {@code META-INF/aiperf.plugins}. */
    public List<ManifestReport> validateJar(Path jar) {
        List<ManifestReport> reports = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader("aiperf-validate", urls(List.of(jar)), parent);
             JarFile file = new JarFile(jar.toFile())) {
            JarEntry index = file.getJarEntry(IndexFile.PLUGINS);
            if (index == null) {
                ManifestProblem missing = problem(ManifestLocation.ofFile(jar.toString()),
                        ManifestProblem.Kind.SCHEMA, "no " + IndexFile.PLUGINS + " in this jar");
                return List.of(new ManifestReport(jar.toString(), null, 0, List.of(missing)));
            }
            String indexLabel = jar + "!/" + IndexFile.PLUGINS;
            for (IndexFile.Line line : IndexFile.parse(read(file, index), indexLabel)) {
                JarEntry listed = file.getJarEntry(line.path());
                String label = jar + "!/" + line.path();
                reports.add(listed == null
                        ? new ManifestReport(label, null, 0, List.of(problem(new ManifestLocation(indexLabel,
                        line.line(), 1), ManifestProblem.Kind.SCHEMA, "'" + line.path() + "' is not in the jar")))
                        : validate(read(file, listed), label, loader, line.name()));
            }
        } catch (ManifestException e) {
            reports.add(new ManifestReport(jar.toString(), null, 0, e.problems()));
        } catch (IOException e) {
            reports.add(unreadable(jar.toString(), e));
        }
        return reports;
    }

    private ManifestReport validate(String text, String label, ClassLoader loader, String fallbackPackageName) {
        Problems problems = new Problems(label);
        ParsedManifest manifest = ManifestParser.parse(text, problems);
        Map<String, CategoryMetadata> categories = categories(loader, problems);
        List<String> reported = new ArrayList<>();
        for (ParsedEntry entry : manifest.entries()) {
            CategoryMetadata category = categories.get(entry.category());
            if (category == null) {
                // Not an error: loading opens the category, as the original does; a near miss is probably a typo.
                ManifestLocation section = manifest.sections().get(entry.category());
                category = CategoryMetadata.open(entry.category(), section);
                String suggestion = NameSuggestions.didYouMean(entry.category(), categories.keySet());
                if (!reported.contains(entry.category()) && !suggestion.isEmpty()) {
                    reported.add(entry.category());
                    problems.add(Severity.WARNING, ManifestProblem.Kind.UNKNOWN_CATEGORY, section, entry.category(),
                            null, "category '" + entry.category() + "' is not declared by any categories file; it"
                                    + " will be opened as a new category (any class accepted)." + suggestion);
                }
            }
            checkEntry(entry, category, loader, problems);
        }
        String packageName = manifest.pkg() != null ? manifest.pkg().name()
                : manifest.entries().isEmpty() || !problems.errors().isEmpty() ? null : fallbackPackageName;
        return new ManifestReport(label, packageName, manifest.entries().size(), problems.all());
    }

    private static void checkEntry(ParsedEntry entry, CategoryMetadata category, ClassLoader loader,
                                   Problems problems) {
        ClassFileInspector.check(loader, entry.classPath(), category.protocol()).ifPresent(error ->
                problems.add(Severity.ERROR, ManifestProblem.Kind.CLASS, entry.location(), entry.category(),
                        entry.name(), error));
        if (category.metadataClass() == null) {
            return;
        }
        try {
            Class<?> type = Class.forName(category.metadataClass(), true, loader);
            MetadataMapper.convert(entry.metadata(), type, entry.location(), entry.category() + " '" + entry.name()
                    + "'");
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(Severity.ERROR, ManifestProblem.Kind.METADATA, entry.location(), entry.category(),
                    entry.name(), "metadata class " + category.metadataClass() + " of category '" + category.name()
                            + "' is not on the class path");
        } catch (ManifestException e) {
            problems.add(Severity.ERROR, ManifestProblem.Kind.METADATA, entry.location(), entry.category(),
                    entry.name(), e.problems().getFirst().message());
        }
    }

    private static Map<String, CategoryMetadata> categories(ClassLoader loader, Problems problems) {
        PluginDiscovery discovery = new PluginDiscovery();
        discovery.scanCategories(loader);
        Map<String, CategoryMetadata> categories = new LinkedHashMap<>();
        for (PluginSource source : discovery.categories()) {
            try {
                CategoriesParser.parse(source.text(), new Problems(source.label()))
                        .forEach(c -> categories.putIfAbsent(c.name(), c));
            } catch (ManifestException e) {
                problems.add(Severity.WARNING, ManifestProblem.Kind.SCHEMA, ManifestLocation.ofFile(source.label()),
                        null, null, "categories file skipped: " + e.getMessage());
            }
        }
        return categories;
    }

    private static ManifestProblem problem(ManifestLocation location, ManifestProblem.Kind kind, String message) {
        return new ManifestProblem(Severity.ERROR, kind, location, null, null, message);
    }

    private static ManifestReport unreadable(String file, Throwable e) {
        return new ManifestReport(file, null, 0, List.of(problem(ManifestLocation.ofFile(file),
                ManifestProblem.Kind.SYNTAX, "cannot read: " + e.getMessage())));
    }

    private static URL[] urls(List<Path> classPath) {
        List<URL> urls = new ArrayList<>();
        for (Path path : classPath) {
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a class-path entry: " + path, e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static String read(JarFile file, JarEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
