package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.ManifestLocation;
import dev.aiperf.plugin.PackageMetadata;

import java.util.List;
import java.util.Map;

/**
 * What could be read from a {@code plugins.yaml}; its problems are reported separately.
 *
 * @param pkg      the {@code plugin:} section; null when there is none, for an empty file or when it is broken
 * @param entries  every readable entry, in file order
 * @param sections each category section's location, by normalised category name
 */
public record ParsedManifest(PackageMetadata pkg, List<ParsedEntry> entries, Map<String, ManifestLocation> sections) {

    static final ParsedManifest EMPTY = new ParsedManifest(null, List.of(), Map.of());
}
