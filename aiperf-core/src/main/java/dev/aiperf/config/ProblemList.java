package dev.aiperf.config;

import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.plugin.NameSuggestions.Phrasing;
import dev.aiperf.plugin.PluginException;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The problems and warnings found while the rules run, and the checks of single values that add a problem naming
 * the option instead of failing at once: so one run of the rules reports every problem.
 */
final class ProblemList {
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void add(String problem) {
        problems.add(problem);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The normalised registered name, or null after recording a problem that lists the valid names. */
    String pluginName(String flag, Category<?> category, String name) {
        try {
            TypeEntry entry = Plugins.getType(category, name);
            return entry.name();
        } catch (PluginException e) {
            problems.add(flag + ": " + e.getMessage());
            return null;
        }
    }

    String oneOf(String flag, String value, String fallback, Set<String> valid) {
        if (value == null) {
            return fallback;
        }
        if (!valid.contains(value)) {
            problems.add(flag + " must be one of " + String.join(", ", valid.stream().sorted().toList()) + ", got '"
                    + value + "'" + NameSuggestions.didYouMean(value, valid, Phrasing.ASIDE));
            return fallback;
        }
        return value;
    }

    /** {@code value}, or {@code fallback} when it is absent or below {@code min} (then a problem is added). */
    int atLeast(String flag, Integer value, int min, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            problems.add(flag + " must be " + min + " or more, got " + value);
            return fallback;
        }
        return value;
    }

    /** {@code value} when it is 1 or more; null when absent or (with a problem) below 1. */
    Integer atLeastOne(String flag, Integer value) {
        if (value != null && value < 1) {
            problems.add(flag + " must be 1 or more, got " + value);
            return null;
        }
        return value;
    }

    /** {@code value} when above 0 and finite, {@code fallback} when absent; otherwise a problem and 1.0 (or fallback). */
    Double positive(String flag, Double value, Double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || value.isInfinite()) {
            problems.add(flag + " must be a number greater than 0, got " + value);
            return fallback == null ? 1.0 : fallback;
        }
        return value;
    }

    /** {@code value} when above 0 and finite; null when absent or (with a problem) not. */
    Double positiveOrNull(String flag, Double value) {
        if (value != null && (!(value > 0) || value.isInfinite())) {
            problems.add(flag + " must be a number greater than 0, got " + value);
            return null;
        }
        return value;
    }

    /** {@code value}, or {@code fallback} when it is absent, negative or not finite (then a problem is added). */
    double nonNegative(String flag, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0) || value.isInfinite()) {
            problems.add(flag + " must be 0 or more, got " + value);
            return fallback;
        }
        return value;
    }

    /** Seconds (0 or more) or {@code inf}; {@code fallback} when absent. */
    double gracePeriod(String flag, String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("inf") || v.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double seconds = Double.parseDouble(v);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(flag + " must be seconds (0 or more) or 'inf', got '" + value + "'");
        return fallback;
    }

    /** Each value trimmed, empty pieces dropped. */
    static List<String> cleanList(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
