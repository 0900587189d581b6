package dev.aiperf.study;

import java.util.Map;

/**
 * An analysis of a finished sweep that a search recipe attaches (upstream's {@code search_recipe_post_process}
 * handlers, §4.3): it reads the measured cells and returns one artifact, which the study writes as
 * {@code sweep_aggregate/<outputFile>} next to the sweep aggregate, and a console report (the answer and the
 * curve it came from).
 */
public interface SweepPostProcess {
    /** Upstream's handler name, e.g. {@code degradation_knee_detect}. */
    String handler();

    /** The artifact's file name in {@code sweep_aggregate/}, e.g. {@code degradation_knee.json}. */
    String outputFile();

    /**
     * The artifact as upstream writes it (maps, lists, numbers, strings, nulls).
     *
     * @throws IllegalArgumentException when the cells do not hold what the analysis needs; the message says what
     */
    Map<String, Object> process(SweepAggregate sweep);

    /** Lines for the console: the answer first, then the points it was derived from. */
    String report(Map<String, Object> artifact);
}
