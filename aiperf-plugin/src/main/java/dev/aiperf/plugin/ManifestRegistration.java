package dev.aiperf.plugin;

import dev.aiperf.plugin.internal.CategoriesParser;
import dev.aiperf.plugin.internal.ManifestParser;
import dev.aiperf.plugin.internal.ParsedEntry;
import dev.aiperf.plugin.internal.ParsedManifest;
import dev.aiperf.plugin.internal.PluginClassLoader;
import dev.aiperf.plugin.internal.PluginDiscovery;
import dev.aiperf.plugin.internal.PluginSource;
import dev.aiperf.plugin.internal.Problems;

import java.util.List;

/**
 * Turns discovered or loaded files into registry contents: categories first, then manifests, each
 * manifest all or nothing. A broken file becomes one {@link DiscoveryProblem}; the others load.
 * Called only under the registry's lock.
 */
final class ManifestRegistration {

    private ManifestRegistration() {
    }

    /** How many discovered manifests were registered and how many were skipped (each with a problem recorded). */
    record Outcome(int loaded, int skipped) {
    }

    /** Registers everything discovery found, recording (not throwing) every problem. */
    static Outcome registerAll(RegistryContents contents, PluginDiscovery discovery) {
        discovery.problems().forEach(contents::addProblem);
        for (PluginSource source : discovery.categories()) {
            try {
                for (CategoryMetadata category : parseCategories(contents, source.text(), source.label())) {
                    contents.declare(category);
                    export(source.loader(), category);
                }
            } catch (ManifestException e) {
                contents.problem(Severity.ERROR, source.label(), e.getMessage() + "; categories file skipped");
            }
        }
        int loaded = 0;
        int skipped = discovery.skipped();
        for (PluginSource source : discovery.manifests()) {
            try {
                addManifest(contents, source.text(), source.label(), source.loader(), source.fromPluginsDir(),
                        source.indexName());
                loaded++;
            } catch (ManifestException e) {
                skipped++;
                contents.problem(Severity.ERROR, source.label(), e.getMessage() + "; plugin skipped");
            }
        }
        return new Outcome(loaded, skipped);
    }

    /** A plugin jar's category is an extension point: other plugin jars see its protocol's and metadata's packages. */
    private static void export(ClassLoader loader, CategoryMetadata category) {
        if (loader instanceof PluginClassLoader pluginLoader) {
            pluginLoader.export(category.protocol());
            if (category.metadataClass() != null) {
                pluginLoader.export(category.metadataClass());
            }
        }
    }

    /** Parses a categories file, recording its warnings; throws on errors. */
    static List<CategoryMetadata> parseCategories(RegistryContents contents, String text, String label) {
        Problems problems = new Problems(label);
        List<CategoryMetadata> categories = CategoriesParser.parse(text, problems);
        problems.warnings().forEach(p -> contents.problem(Severity.WARNING, label, p.toString()));
        return categories;
    }

    /**
     * Parses and registers a manifest atomically: on any error nothing of it is registered. A section
     * of a category that no categories file declares opens that category (no protocol).
     *
     * @param packageName the package name when the manifest has no {@code plugin:} section
     * @return the package, or null for a manifest without section and entries (empty, or only
     *         {@code schema_version})
     * @throws ManifestException listing every error
     */
    static PackageMetadata addManifest(RegistryContents contents, String text, String label, ClassLoader loader,
                                       boolean fromPluginsDir, String packageName) {
        Problems problems = new Problems(label);
        ParsedManifest manifest = ManifestParser.parseStrict(text, problems);
        problems.warnings().forEach(p -> contents.problem(Severity.WARNING, label, p.toString()));
        PackageMetadata pkg = manifest.pkg();
        if (pkg == null) {
            if (manifest.entries().isEmpty()) {
                return null;
            }
            pkg = PackageMetadata.unnamed(packageName, label);
        }
        if (fromPluginsDir && pkg.isBuiltin()) {
            throw new ManifestException(List.of(new ManifestProblem(Severity.ERROR, ManifestProblem.Kind.SCHEMA,
                    ManifestLocation.ofFile(label), null, null, "package name '" + PackageMetadata.BUILTIN_PACKAGE
                    + "' is reserved for the built-in plugins; rename the plugin")));
        }
        for (ParsedEntry parsed : manifest.entries()) {
            CategoryMetadata category = contents.category(parsed.category());
            if (category == null) {
                category = open(contents, parsed.category(), manifest.sections().get(parsed.category()));
            }
            contents.add(new TypeEntry(category, parsed.name(), pkg.name(), parsed.classPath(), parsed.priority(),
                    parsed.description(), parsed.metadata(), pkg.isBuiltin(), parsed.location(), loader, null));
        }
        contents.addPackage(pkg);
        return pkg;
    }

    /**
     * Opens a category no categories file declares, as the original does. A name close to a declared
     * one is probably a typo, so that case is recorded as a warning.
     */
    static CategoryMetadata open(RegistryContents contents, String category, ManifestLocation openedAt) {
        List<String> known = contents.categoryNames();
        String suggestion = NameSuggestions.didYouMean(category, known);
        if (!suggestion.isEmpty()) {
            contents.problem(Severity.WARNING, openedAt.toString(), "category '" + category
                    + "' is not declared by any categories file; it is opened as a new category." + suggestion);
        }
        CategoryMetadata opened = CategoryMetadata.open(category, openedAt);
        contents.declare(opened);
        return opened;
    }
}
