package dev.aiperf.plugin;

/**
 * One problem found in a manifest, with enough structure for a table or JSON report.
 *
 * @param severity ERROR when the manifest (or entry) cannot be used, WARNING otherwise
 * @param kind     what sort of problem
 * @param location file, line and column
 * @param category category of the entry concerned, or null
 * @param name     name of the entry concerned, or null
 * @param message  what was wrong and what would be valid
 */
public record ManifestProblem(Severity severity, Kind kind, ManifestLocation location, String category, String name,
                              String message) {

    /** The sort of problem, for grouping in reports. */
    public enum Kind {
        /** Not parseable YAML. */
        SYNTAX,
        /** Valid YAML of the wrong shape: unknown key, missing key, wrong type, duplicate key. */
        SCHEMA,
        /** {@code schema_version} is not one this registry knows. */
        SCHEMA_VERSION,
        /** The file holds no document. */
        EMPTY,
        /** A section names a category no categories.yaml declares. */
        UNKNOWN_CATEGORY,
        /** The class is missing, not public and concrete, or does not implement the protocol. */
        CLASS,
        /** The entry's metadata does not fit the category's metadata class. */
        METADATA
    }

    /** {@code file:line:column: message}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
