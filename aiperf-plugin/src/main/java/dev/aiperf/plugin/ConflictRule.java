package dev.aiperf.plugin;

/**
 * The rule that decided between two entries registered under the same category and name, applied
 * in this order.
 */
public enum ConflictRule {
    /** The entry with the higher priority wins. */
    PRIORITY,
    /** At equal priority an external plugin beats a built-in one. */
    EXTERNAL_BEATS_BUILTIN,
    /** At equal priority and the same kind (both built-in or both external) the first registered stays, with a warning. */
    FIRST_WINS
}
