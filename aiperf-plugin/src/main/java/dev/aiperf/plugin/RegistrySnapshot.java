package dev.aiperf.plugin;

import java.util.List;
import java.util.Map;

/**
 * An immutable view of the registry, replaced as a whole after each change, so lookups from many
 * threads read it without locks.
 *
 * @param categories   declared categories by name, in declaration order
 * @param winners      per category, the entry each name resolves to, in registration order
 * @param explanations per category and name, how the winner was chosen
 * @param byClassPath  every entry (winners and losers) by binary class name
 * @param entries      every entry, in registration order
 * @param packages     package metadata by name, in load order
 * @param problems     discovery problems and warnings, in the order they occurred
 */
record RegistrySnapshot(Map<String, CategoryMetadata> categories, Map<String, Map<String, TypeEntry>> winners,
                        Map<String, Map<String, Explanation>> explanations,
                        Map<String, List<TypeEntry>> byClassPath, List<TypeEntry> entries,
                        Map<String, PackageMetadata> packages, List<DiscoveryProblem> problems) {

    static final RegistrySnapshot EMPTY = new RegistrySnapshot(Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
            Map.of(), List.of());
}
