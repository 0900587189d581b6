package dev.aiperf.api.record;

import java.util.AbstractMap;

/**
 * A read-only tag-to-value map of one record that its record processor builds in its own layout (the built-in
 * one keeps values every request has as primitives, boxing them only when this map is read by tag or iterated).
 * A {@link MetricRecord} keeps such a map as it is instead of wrapping it read-only. A subclass must not change
 * once the record is built, and must refuse every change through the {@link java.util.Map} interface
 * ({@link AbstractMap} does, as long as its entry set's iterator does not remove).
 */
public abstract class MetricValues extends AbstractMap<String, Object> {
    protected MetricValues() {
    }
}
