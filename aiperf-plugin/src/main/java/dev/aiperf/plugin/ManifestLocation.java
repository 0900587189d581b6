package dev.aiperf.plugin;

/**
 * A place in a manifest file, used in error messages and to tell where an entry was declared.
 *
 * @param file   the manifest as the user knows it: a path, or a {@code jar:} / {@code file:} URL
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record ManifestLocation(String file, int line, int column) {

    /** A location that names only a file, e.g. for an empty file or a runtime registration. */
    public static ManifestLocation ofFile(String file) {
        return new ManifestLocation(file, 0, 0);
    }

    /** {@code file:line:column}, or just {@code file} when the position is unknown. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
