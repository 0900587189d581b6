package dev.aiperf.api.model;

/** Token counts of one request; each is null when it could not or need not be counted. */
public record TokenCounts(Integer input, Integer output, Integer reasoning) {
    public static final TokenCounts NONE = new TokenCounts(null, null, null);
}
