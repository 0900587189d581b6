package dev.aiperf.api.model;

/** The phase a request belongs to; warm-up records never reach metrics or exports. */
public enum CreditPhase {
    WARMUP("warmup"),
    PROFILING("profiling");

    private final String wireName;

    CreditPhase(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in files ({@code warmup}, {@code profiling}). */
    public String wireName() {
        return wireName;
    }
}
