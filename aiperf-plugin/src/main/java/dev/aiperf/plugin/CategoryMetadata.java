package dev.aiperf.plugin;

/**
 * One plugin category: what its implementations must implement and how its entries' metadata is
 * typed. Declared in a {@code categories.yaml}, or opened by the first manifest entry or
 * {@code register} call that uses a name no categories file declares (an <em>open</em> category:
 * no protocol, no metadata class, not internal).
 *
 * @param name          normalised category name, e.g. {@code endpoint}
 * @param protocol      binary name of the interface every implementation must implement;
 *                      {@link #NO_PROTOCOL} for an open category (any class)
 * @param metadataClass binary name of the record that types an entry's {@code metadata}, or null
 * @param enumName      name of the enum {@link PluginRegistry#createEnum(String)} builds over the
 *                      category's type names (e.g. {@code EndpointType}), or null
 * @param description   what the category is for, or empty
 * @param internal      hidden from user-facing listings unless asked for
 * @param source        where the category was declared (file:line:column), or where it was opened
 */
public record CategoryMetadata(String name, String protocol, String metadataClass, String enumName,
                               String description, boolean internal, ManifestLocation source) {

    /** The protocol of an open category: any class is accepted. */
    public static final String NO_PROTOCOL = "java.lang.Object";

    /** An open category: opened by its first entry, without protocol, metadata class or enum name. */
    static CategoryMetadata open(String name, ManifestLocation openedAt) {
        return new CategoryMetadata(name, NO_PROTOCOL, null, null, "", false, openedAt);
    }

    /** False for an open category, whose entries may be of any class. */
    public boolean hasProtocol() {
        return !NO_PROTOCOL.equals(protocol);
    }
}
