package dev.aiperf.metrics;

import dev.aiperf.api.record.MetricFlag;
import dev.aiperf.environment.AiperfEnvironment;

import java.util.Locale;
import java.util.Map;

/**
 * Settings the original reads from environment variables (metrics spec §1.3, §2.2).
 *
 * @param devMode                      compute EXPERIMENTAL metrics ({@code AIPERF_DEV_MODE=1})
 * @param showInternal                 show INTERNAL metrics ({@code AIPERF_DEV_SHOW_INTERNAL_METRICS=1}, dev mode only)
 * @param showExperimental             show them ({@code AIPERF_DEV_SHOW_EXPERIMENTAL_METRICS=1}, dev mode only)
 * @param usagePctDiffThreshold        {@code AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD}, default 10
 * @param oslMismatchPctThreshold      {@code AIPERF_METRICS_OSL_MISMATCH_PCT_THRESHOLD}, default 5
 * @param oslMismatchMaxTokenThreshold {@code AIPERF_METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD}, default 50
 */
public record MetricsEnvironment(boolean devMode, boolean showInternal, boolean showExperimental,
                                 double usagePctDiffThreshold, double oslMismatchPctThreshold,
                                 long oslMismatchMaxTokenThreshold) {
    public static final MetricsEnvironment DEFAULTS = new MetricsEnvironment(false, false, false, 10.0, 5.0, 50);

    public MetricsEnvironment {
        // the show switches mean nothing outside dev mode
        showInternal = devMode && showInternal;
        showExperimental = devMode && showExperimental;
    }

    /** Reads the process environment (through {@link AiperfEnvironment}). */
    public static MetricsEnvironment fromSystem() {
        return from(AiperfEnvironment.system().variables());
    }

    /**
     * Reads the given variables.
     *
     * @throws IllegalArgumentException naming the variable when a number does not parse
     */
    public static MetricsEnvironment from(Map<String, String> env) {
        return new MetricsEnvironment(flag(env, AiperfEnvironment.DEV_MODE), flag(env, AiperfEnvironment.DEV_SHOW_INTERNAL_METRICS),
                flag(env, AiperfEnvironment.DEV_SHOW_EXPERIMENTAL_METRICS),
                number(env, AiperfEnvironment.METRICS_USAGE_PCT_DIFF_THRESHOLD, DEFAULTS.usagePctDiffThreshold),
                number(env, AiperfEnvironment.METRICS_OSL_MISMATCH_PCT_THRESHOLD, DEFAULTS.oslMismatchPctThreshold),
                (long) number(env, AiperfEnvironment.METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD, DEFAULTS.oslMismatchMaxTokenThreshold));
    }

    /** Whether a metric with these flags appears in outputs (INTERNAL and EXPERIMENTAL are hidden by default). */
    public boolean shows(MetricDefinition definition) {
        return (showInternal || !definition.hasFlag(MetricFlag.INTERNAL))
                && (showExperimental || !definition.hasFlag(MetricFlag.EXPERIMENTAL));
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }

    private static double number(Map<String, String> env, String name, double fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment variable " + name + " must be a number, got '" + value + "'");
        }
    }
}
