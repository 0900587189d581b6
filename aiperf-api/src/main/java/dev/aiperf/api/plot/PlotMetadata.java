package dev.aiperf.api.plot;

/**
 * Typed form of a {@code plot} entry's metadata in plugins.yaml.
 *
 * @param displayName  the plot's title in listings, e.g. {@code Throughput Over Time}
 * @param plotCategory {@code per_run} (drawn for each run directory) or {@code comparison} (drawn once over
 *                     two or more runs); {@code per_run} when not given
 */
public record PlotMetadata(String displayName, String plotCategory) {
    public static final String PER_RUN = "per_run";
    public static final String COMPARISON = "comparison";

    public PlotMetadata {
        plotCategory = plotCategory == null ? PER_RUN : plotCategory;
        if (!PER_RUN.equals(plotCategory) && !COMPARISON.equals(plotCategory)) {
            throw new IllegalArgumentException("plot_category must be per_run or comparison, not " + plotCategory);
        }
    }

    public boolean comparison() {
        return COMPARISON.equals(plotCategory);
    }
}
