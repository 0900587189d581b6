package dev.aiperf.plugin;

/**
 * Something that went wrong or looked wrong while discovering or loading manifests. Errors mean
 * the plugin (or category file) named by {@code source} was skipped; the others still loaded.
 *
 * @param severity how serious it is
 * @param source   the jar, manifest or index the problem is about
 * @param message  one line saying what was wrong and, where known, where in the file
 */
public record DiscoveryProblem(Severity severity, String source, String message) {

    /** One line: {@code WARNING source: message}, the source given once when the message starts with it. */
    @Override
    public String toString() {
        return severity + " " + describe();
    }

    /** {@code source: message}, the source given once when the message starts with it. */
    public String describe() {
        return message.startsWith(source) ? message : source + ": " + message;
    }
}
