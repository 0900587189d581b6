package dev.aiperf.prometheus;

import java.util.List;

/**
 * One metric family of an exposition: its declared name, type, HELP and UNIT, and its samples.
 *
 * @param name    the family name ({@code # TYPE} name, or the sample name of an undeclared metric)
 * @param type    the declared type, {@link MetricType#UNKNOWN} when none
 * @param help    the HELP text unescaped, empty when none
 * @param unit    the OpenMetrics {@code # UNIT}, empty when none
 * @param samples its samples in exposition order
 */
public record MetricFamily(String name, MetricType type, String help, String unit, List<Sample> samples) {
    public MetricFamily {
        samples = List.copyOf(samples);
    }
}
