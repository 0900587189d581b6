package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.DiscoveryProblem;
import dev.aiperf.plugin.ManifestException;
import dev.aiperf.plugin.ManifestLocation;
import dev.aiperf.plugin.ManifestProblem;
import dev.aiperf.plugin.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds category files and plugin manifests: through the {@code META-INF} indexes on a class path,
 * and in every jar of a plugins directory, each jar getting its own class loader. Reads files only;
 * never loads a plugin class.
 */
public final class PluginDiscovery {
    private final List<PluginSource> categories = new ArrayList<>();
    private final List<PluginSource> manifests = new ArrayList<>();
    private final List<DiscoveryProblem> problems = new ArrayList<>();
    private final List<URLClassLoader> loaders = new ArrayList<>();
    private final Map<String, PluginClassLoader> exports = new ConcurrentHashMap<>();
    private int skipped;

    /** Category files found, class path first, then plugin jars in name order. */
    public List<PluginSource> categories() {
        return categories;
    }

    /** Manifests found, class path first, then plugin jars in name order. */
    public List<PluginSource> manifests() {
        return manifests;
    }

    /** Broken indexes, unreadable jars, listed files that are missing. */
    public List<DiscoveryProblem> problems() {
        return problems;
    }

    /**
     * How many manifests (or whole plugin jars, when a jar's index or a file it lists is broken)
     * discovery had to skip before registration; each has a problem recorded.
     */
    public int skipped() {
        return skipped;
    }

    /** The class loaders created for plugins-directory jars (to close with the registry). */
    public List<URLClassLoader> loaders() {
        return loaders;
    }

    /** Reads every {@code META-INF/aiperf.categories} and {@code META-INF/aiperf.plugins} visible to the loader. */
    public void scanClassPath(ClassLoader loader) {
        scanCategories(loader);
        scanIndexes(loader, IndexFile.PLUGINS, manifests);
    }

    /** Reads only the {@code META-INF/aiperf.categories} indexes visible to the loader. */
    public void scanCategories(ClassLoader loader) {
        scanIndexes(loader, IndexFile.CATEGORIES, categories);
    }

    private void scanIndexes(ClassLoader loader, String index, List<PluginSource> into) {
        Set<String> seen = new LinkedHashSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(index);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (seen.add(url.toString())) {
                    readIndex(url, index, loader, into);
                }
            }
        } catch (IOException e) {
            problems.add(new DiscoveryProblem(Severity.ERROR, index, "cannot list class-path resources: " + e));
        }
    }

    private void readIndex(URL indexUrl, String index, ClassLoader loader, List<PluginSource> into) {
        String label = indexUrl.toString();
        try {
            String root = label.substring(0, label.length() - index.length());
            for (IndexFile.Line line : IndexFile.parse(read(indexUrl), label)) {
                URL file = URI.create(root + line.path()).toURL();
                try {
                    into.add(new PluginSource(file.toString(), read(file), loader, false, line.name()));
                } catch (IOException e) {
                    skipped++;
                    problems.add(new DiscoveryProblem(Severity.ERROR, label + ":" + line.line(), "'" + line.path()
                            + "' listed for '" + line.name() + "' cannot be read; skipped (" + e.getMessage() + ")"));
                }
            }
        } catch (ManifestException e) {
            skipped++;
            problems.add(new DiscoveryProblem(Severity.ERROR, label, e.getMessage() + "; index skipped"));
        } catch (IOException | IllegalArgumentException e) {
            skipped++;
            problems.add(new DiscoveryProblem(Severity.ERROR, label, "cannot read index: " + e + "; skipped"));
        }
    }

    /** Reads every {@code *.jar} of the directory (sorted by name), each with its own class loader. */
    public void scanPluginsDirectory(Path directory, ClassLoader parent) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new DiscoveryProblem(Severity.ERROR, directory.toString(),
                    "cannot list plugins directory: " + e.getMessage()));
            return;
        }
        jars.forEach(jar -> scanJar(jar, parent));
    }

    private void scanJar(Path jar, ClassLoader parent) {
        List<PluginSource> jarCategories = new ArrayList<>();
        List<PluginSource> jarManifests = new ArrayList<>();
        URLClassLoader loader = newLoader(jar, parent);
        try (JarFile file = new JarFile(jar.toFile())) {
            boolean any = readJarIndex(file, jar, IndexFile.CATEGORIES, loader, jarCategories);
            if (!readJarIndex(file, jar, IndexFile.PLUGINS, loader, jarManifests) && !any) {
                problems.add(new DiscoveryProblem(Severity.WARNING, jar.toString(),
                        "no " + IndexFile.PLUGINS + " in this jar; it is not an aiperf plugin and was skipped"));
                close(loader);
                return;
            }
        } catch (ManifestException e) {
            skipped++;
            problems.add(new DiscoveryProblem(Severity.ERROR, jar.toString(), e.getMessage() + "; plugin skipped"));
            close(loader);
            return;
        } catch (IOException | SecurityException e) {
            skipped++;
            problems.add(new DiscoveryProblem(Severity.ERROR, jar.toString(),
                    "cannot read plugin jar: " + e.getMessage() + "; plugin skipped"));
            close(loader);
            return;
        }
        loaders.add(loader);
        categories.addAll(jarCategories);
        manifests.addAll(jarManifests);
    }

    private URLClassLoader newLoader(Path jar, ClassLoader parent) {
        try {
            return new PluginClassLoader("aiperf-plugin:" + jar.getFileName(), jar.toUri().toURL(), parent, exports);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing was loaded through it; a failed close leaks at most one file handle.
        }
    }

    /** False when the jar has no such index; throws when the index or a file it lists is broken. */
    private static boolean readJarIndex(JarFile file, Path jar, String index, ClassLoader loader,
                                        List<PluginSource> into) throws IOException {
        JarEntry entry = file.getJarEntry(index);
        if (entry == null) {
            return false;
        }
        String indexLabel = jar + "!/" + index;
        for (IndexFile.Line line : IndexFile.parse(read(file, entry), indexLabel)) {
            JarEntry listed = file.getJarEntry(line.path());
            if (listed == null) {
                throw new ManifestException(List.of(new ManifestProblem(Severity.ERROR, ManifestProblem.Kind.SCHEMA,
                        new ManifestLocation(indexLabel, line.line(), 1), null, null,
                        "lists '" + line.path() + "', which is not in the jar")));
            }
            into.add(new PluginSource(jar + "!/" + line.path(), read(file, listed), loader, true, line.name()));
        }
        return true;
    }

    private static String read(JarFile file, JarEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (MalformedURLException e) {
            throw new IOException(e);
        }
    }

    /** Reads a file given by path, for {@code loadRegistry}. */
    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
