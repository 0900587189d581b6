package dev.aiperf.prometheus;

import java.util.Map;
import java.util.Objects;

/**
 * One sample line: {@code name{labels} value [timestamp]}.
 *
 * @param name        the sample's own name, suffix included (e.g. {@code x_bucket})
 * @param labels      labels in the order written, values unescaped; unmodifiable, and shared by the samples of one
 *                    series when the page was parsed with a {@link SeriesCache}
 * @param value       the value; {@code +Inf}, {@code -Inf} and {@code NaN} included
 * @param timestampMs the exposition timestamp in ms (OpenMetrics seconds are converted), or null
 */
public record Sample(String name, Map<String, String> labels, double value, Long timestampMs) {
    public Sample {
        Objects.requireNonNull(labels, "labels");
    }
}
