package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.ManifestLocation;

import java.util.Map;

/**
 * One {@code category: name: {...}} entry as read from a manifest, before the registry knows whether
 * its category exists.
 *
 * @param category  normalised category name
 * @param name      normalised type name
 * @param classPath binary class name
 * @param priority  declared priority, 0 by default
 * @param description description or empty
 * @param metadata  raw metadata (plain Java values)
 * @param location  where the entry's name is declared
 */
public record ParsedEntry(String category, String name, String classPath, int priority, String description,
                          Map<String, Object> metadata, ManifestLocation location) {
}
