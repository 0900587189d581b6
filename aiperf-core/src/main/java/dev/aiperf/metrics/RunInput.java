package dev.aiperf.metrics;

/** What a derived metric sees: the run-level values computed so far. */
public interface RunInput {

    boolean has(String tag);

    /** Sum of a per-request metric's values over the run. */
    double sum(String tag);

    /** An aggregate or derived metric's value as a double. */
    double value(String tag);

    /** An aggregate or derived metric's value as a long (exact for timestamps and counts). */
    long longValue(String tag);
}
