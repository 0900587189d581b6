package dev.aiperf.plugin;

/**
 * One category declared in a {@code categories.yaml}: what its implementations must implement and
 * how its entries' metadata is typed.
 *
 * @param name          normalised category name, e.g. {@code endpoint}
 * @param protocol      binary name of the interface every implementation must implement
 * @param metadataClass binary name of the record that types an entry's {@code metadata}, or null
 * @param enumClass     binary name of the {@link PluginName} class naming its types, or null
 * @param description   what the category is for, or empty
 * @param internal      hidden from user-facing listings unless asked for
 * @param source        where the category was declared (file:line:column)
 */
public record CategoryMetadata(String name, String protocol, String metadataClass, String enumClass,
                               String description, boolean internal, ManifestLocation source) {
}
