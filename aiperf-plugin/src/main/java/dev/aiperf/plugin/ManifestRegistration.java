package dev.aiperf.plugin;

import dev.aiperf.plugin.internal.CategoriesParser;
import dev.aiperf.plugin.internal.ManifestParser;
import dev.aiperf.plugin.internal.ParsedEntry;
import dev.aiperf.plugin.internal.ParsedManifest;
import dev.aiperf.plugin.internal.PluginDiscovery;
import dev.aiperf.plugin.internal.PluginSource;
import dev.aiperf.plugin.internal.Problems;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns discovered or loaded files into registry contents: categories first, then manifests, each
 * manifest all or nothing. A broken file becomes one {@link DiscoveryProblem}; the others load.
 * Called only under the registry's lock.
 */
final class ManifestRegistration {

    private ManifestRegistration() {
    }

    /** Registers everything discovery found, recording (not throwing) every problem. */
    static void registerAll(RegistryContents contents, PluginDiscovery discovery) {
        discovery.problems().forEach(contents::addProblem);
        for (PluginSource source : discovery.categories()) {
            try {
                parseCategories(contents, source.text(), source.label()).forEach(contents::declare);
            } catch (ManifestException e) {
                contents.problem(Severity.ERROR, source.label(), e.getMessage() + "; categories file skipped");
            }
        }
        for (PluginSource source : discovery.manifests()) {
            try {
                addManifest(contents, source.text(), source.label(), source.loader(), source.fromPluginsDir());
            } catch (ManifestException e) {
                contents.problem(Severity.ERROR, source.label(), e.getMessage() + "; plugin skipped");
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
     * Parses and registers a manifest atomically: on any error nothing of it is registered. Sections
     * of unknown categories are skipped with a warning.
     *
     * @return the package, or null for an empty manifest
     * @throws ManifestException listing every error
     */
    static PackageMetadata addManifest(RegistryContents contents, String text, String label, ClassLoader loader,
                                       boolean fromPluginsDir) {
        Problems problems = new Problems(label);
        ParsedManifest manifest = ManifestParser.parseStrict(text, problems);
        problems.warnings().forEach(p -> contents.problem(Severity.WARNING, label, p.toString()));
        PackageMetadata pkg = manifest.pkg();
        if (pkg == null) {
            return null;
        }
        if (fromPluginsDir && pkg.isBuiltin()) {
            throw new ManifestException(List.of(new ManifestProblem(Severity.ERROR, ManifestProblem.Kind.SCHEMA,
                    ManifestLocation.ofFile(label), null, null, "package name '" + PackageMetadata.BUILTIN_PACKAGE
                    + "' is reserved for the built-in plugins; rename the plugin")));
        }
        List<String> unknown = new ArrayList<>();
        for (ParsedEntry parsed : manifest.entries()) {
            CategoryMetadata category = contents.category(parsed.category());
            if (category == null) {
                if (!unknown.contains(parsed.category())) {
                    unknown.add(parsed.category());
                    contents.problem(Severity.WARNING, manifest.sections().get(parsed.category()).toString(),
                            unknownCategoryMessage(contents, parsed.category()) + " Its entries are skipped.");
                }
                continue;
            }
            contents.add(new TypeEntry(category, parsed.name(), pkg.name(), parsed.classPath(), parsed.priority(),
                    parsed.description(), parsed.metadata(), pkg.isBuiltin(), parsed.location(), loader, null));
        }
        contents.addPackage(pkg);
        return pkg;
    }

    private static String unknownCategoryMessage(RegistryContents contents, String category) {
        List<String> known = contents.categoryNames();
        return "unknown category '" + category + "'." + NameSuggestions.didYouMean(category, known)
                + " Known categories: " + String.join(", ", known) + ".";
    }
}
