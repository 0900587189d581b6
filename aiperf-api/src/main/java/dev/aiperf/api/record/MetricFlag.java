package dev.aiperf.api.record;

/**
 * What a metric is and when it applies (metrics spec §1.3). The bit values are the original
 * tool's, so flag sets can be compared with it; in Java use {@code EnumSet<MetricFlag>}.
 */
public enum MetricFlag {
    /** Disabled when streaming is off. */
    STREAMING_ONLY(1 << 0),
    /** Computed only on failed requests; never shown in the console metrics table. */
    ERROR_ONLY(1 << 1),
    /** Disabled when the endpoint does not produce tokens. */
    PRODUCES_TOKENS_ONLY(1 << 2),
    /** Exported but not shown in the console metrics table. */
    NO_CONSOLE(1 << 3),
    /** Larger values are better: the direction of a goodput SLO comparison. */
    LARGER_IS_BETTER(1 << 4),
    /** Computed because others need it, but left out of every output outside dev mode. */
    INTERNAL(1 << 5),
    /** Disabled when the endpoint does not accept audio. */
    SUPPORTS_AUDIO_ONLY(1 << 6),
    /** Disabled when the endpoint does not accept images. */
    SUPPORTS_IMAGE_ONLY(1 << 7),
    /** Informational: the metric concerns reasoning tokens. Nothing filters on it. */
    SUPPORTS_REASONING(1 << 8),
    /** Computed and shown only in dev mode. */
    EXPERIMENTAL(1 << 9),
    /** Disabled unless goodput SLOs are configured. */
    GOODPUT(1 << 10),
    /** Never written to the per-request records file. */
    NO_INDIVIDUAL_RECORDS(1 << 11),
    /** Disabled when the endpoint does not tokenize its input. */
    TOKENIZES_INPUT_ONLY(1 << 12),
    /** Disabled when the endpoint does not accept video. */
    SUPPORTS_VIDEO_ONLY(1 << 13),
    /** Disabled when token counts come from the server ({@code --use-server-token-count}). */
    USAGE_DIFF_ONLY(1 << 14),
    /** Needs HTTP trace data. */
    HTTP_TRACE_ONLY(1 << 15),
    /** Disabled when the endpoint does not produce video. */
    PRODUCES_VIDEO_ONLY(1 << 16);

    private final int bit;

    MetricFlag(int bit) {
        this.bit = bit;
    }

    /** The original tool's bit value of this flag. */
    public int bit() {
        return bit;
    }
}
