package dev.aiperf.cli.profile;

import java.util.List;

/** Range checks of numeric options that add a problem naming the flag instead of failing at once. */
final class OptionChecks {

    private OptionChecks() {
    }

    /** {@code value}, or {@code fallback} when it is absent or below {@code min} (then a problem is added). */
    static int atLeast(List<String> problems, String flag, Integer value, int min, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            problems.add(flag + " must be " + min + " or more, got " + value);
            return fallback;
        }
        return value;
    }

    /** {@code value}, or {@code fallback} when it is absent, negative or not finite (then a problem is added). */
    static double nonNegative(List<String> problems, String flag, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0) || value.isInfinite()) {
            problems.add(flag + " must be 0 or more, got " + value);
            return fallback;
        }
        return value;
    }
}
